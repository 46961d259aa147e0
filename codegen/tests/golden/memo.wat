;; The memo of rule aggregates: `memo_slot` (the address of a group's slot, by its
;; index entry; makes the memo's slots first when they do not fit the index) and
;; `memo_clear` (zeroes every memo's slots at a stratum's start).
;;! function memo_slot
;;! function memo_clear
;;! | REL p
;;! | REL r
;;! | FACT p 1 2
;;! | RULE r: SCAN p, EMIT r $0 COUNT(QUERY p $0 ?)
;;! | SOLVE
(func $memo_slot (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32)
  local.get 0
  i32.const 8
  i32.mul
  i32.const 1456
  i32.add
  local.set 4
  local.get 1
  if (result i32) ;; label = @1
    local.get 1
    i32.load offset=12
  else
    i32.const 0
  end
  i32.const 1
  i32.add
  local.tee 5
  local.get 4
  i32.load offset=4
  i32.ne
  if ;; label = @1
    local.get 5
    i32.const 16
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.tee 6
    i32.const 0
    local.get 5
    i32.const 16
    i32.mul
    memory.fill
    local.get 4
    local.get 6
    i32.store
    local.get 4
    local.get 5
    i32.store offset=4
  end
  local.get 4
  i32.load
  local.get 2
  if (result i32) ;; label = @1
    local.get 2
    local.get 1
    i32.load offset=8
    i32.sub
    i32.const 16
    i32.div_u
    i32.const 1
    i32.add
  else
    i32.const 0
  end
  i32.const 16
  i32.mul
  i32.add
)
(func $memo_clear (param i32 i32 i32 i32)
  (local i32 i32)
  i32.const 1456
  local.set 4
  i32.const 1464
  local.set 5
  loop ;; label = @1
    local.get 4
    i32.load
    i32.const 0
    local.get 4
    i32.load offset=4
    i32.const 16
    i32.mul
    memory.fill
    local.get 4
    i32.const 8
    i32.add
    local.tee 4
    local.get 5
    i32.lt_u
    br_if 0 (;@1;)
  end
)
