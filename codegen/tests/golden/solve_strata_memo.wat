;; `solve` of a program with rule aggregates: each stratum forgets the memo
;; (`memo_clear`) after `settle`, and files the index an aggregate probes.
;;! function solve
;;! | REL p
;;! | REL r
;;! | FACT p 1 2
;;! | RULE r: SCAN p, EMIT r $0 COUNT(QUERY p $0 ?)
;;! | SOLVE
(func $solve (param i32 i32 i32 i32)
  (local i32)
  local.get 0
  i32.const 0
  i32.gt_u
  if ;; label = @1
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $settle
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $memo_clear
    global.get 6
    i64.const 1
    i64.add
    global.set 6
    local.get 0
    i32.const 0
    i32.gt_u
    if ;; label = @2
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $index_catch_up:0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $rule0:r:initial
    end
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $merge_all
    local.set 4
  end
)
