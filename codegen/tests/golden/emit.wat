;; `emit/2`: EMIT inserts a tuple as pending.
;;! function emit/2
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $emit/2 (param i32 i32 i32 i32)
  (local i32 i32 i64 i64)
  i32.const 80
  local.set 5
  local.get 0
  local.get 5
  i64.const -3750763034362895579
  local.set 6
  local.get 5
  i64.load offset=8
  local.get 5
  i64.load32_u
  i64.const -7046029254386353131
  i64.mul
  i64.add
  i64.const -49064778989728563
  i64.mul
  local.tee 7
  local.get 7
  i64.const 33
  i64.shr_u
  i64.xor
  local.get 6
  i64.xor
  i64.const 1099511628211
  i64.mul
  local.set 6
  local.get 5
  i64.load offset=24
  local.get 5
  i64.load32_u offset=16
  i64.const -7046029254386353131
  i64.mul
  i64.add
  i64.const -49064778989728563
  i64.mul
  local.tee 7
  local.get 7
  i64.const 33
  i64.shr_u
  i64.xor
  local.get 6
  i64.xor
  i64.const 1099511628211
  i64.mul
  local.set 6
  local.get 6
  local.get 6
  i64.const 32
  i64.shr_u
  i64.xor
  i32.wrap_i64
  i32.const 0
  call $set_insert/2
  local.tee 4
  i32.const 0
  i32.lt_s
  if ;; label = @1
    return
  end
  global.get 4
  i64.const 1
  i64.add
  global.set 4
  global.get 3
  global.get 4
  i64.add
  i64.const 0
  i64.add
  global.get 5
  i64.gt_u
  if ;; label = @1
    i32.const 402
    local.get 1
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
)
