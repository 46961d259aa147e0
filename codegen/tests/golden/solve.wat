;; `solve`: per stratum, `settle`, a first round of initial plans, then rounds of delta
;; plans while the recursive stratum changes; indexes are filed before the plans that
;; probe them.
;;! function solve
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
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
      call $rule0:path:initial
    end
    local.get 0
    i32.const 1
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
      call $rule1:path:initial
    end
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $merge_all
    local.set 4
    block ;; label = @2
      loop ;; label = @3
        local.get 4
        i32.eqz
        br_if 1 (;@2;)
        global.get 6
        i64.const 1
        i64.add
        global.set 6
        local.get 0
        i32.const 1
        i32.gt_u
        if ;; label = @4
          i32.const 0
          i32.const 0
          i32.const 0
          i32.const 0
          call $index_catch_up:1
          i32.const 0
          i32.const 0
          i32.const 0
          i32.const 0
          call $rule1:path:delta0
        end
        i32.const 0
        i32.const 0
        i32.const 0
        i32.const 0
        call $merge_all
        local.set 4
        br 0 (;@3;)
      end
    end
  end
)
