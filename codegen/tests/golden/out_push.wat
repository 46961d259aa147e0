;; `out_push`: appends an output record.
;;! function out_push
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $out_push (param i32 i32 i32 i32)
  (local i32)
  global.get 11
  global.get 12
  i32.eq
  if ;; label = @1
    global.get 12
    i32.const 1
    i32.shl
    i32.const 8
    i32.add
    global.set 12
    global.get 12
    i32.const 4
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.tee 4
    global.get 10
    global.get 11
    i32.const 4
    i32.mul
    memory.copy
    local.get 4
    global.set 10
  end
  global.get 10
  global.get 11
  i32.const 4
  i32.mul
  i32.add
  local.get 0
  i32.store
  global.get 11
  i32.const 1
  i32.add
  global.set 11
)
