;; Aggregates in a CALC: no index and no memo, the group found by `group_rows` on
;; the heap, which is given back after the fold; an empty MEAN is E209.
;;! function calc:f
;;! | REL p
;;! | CALC f
;;! | INPUT $k
;;! | RESULT MEAN(QUERY p $k ?)
;;! | END
;;! | RESULT CALC f(1)
(func $calc:f (param i32 i64 i32) (result i32 i64)
  (local i32 i64 i32 i32 i32 i32 i64 i32 i32)
  global.get 1
  i64.const 1
  i64.add
  global.set 1
  global.get 1
  global.get 2
  i64.gt_u
  if ;; label = @1
    i32.const 401
    i32.const 2
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 0
  i32.eqz
  if ;; label = @1
    i32.const 208
    i32.const 3
    i32.const 23
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 0
  local.get 1
  local.set 4
  local.set 3
  i32.const 0
  local.get 3
  i32.store offset=80
  i32.const 0
  local.get 4
  i64.store offset=88
  i32.const 0
  i32.const 0
  i32.store offset=96
  i32.const 0
  i64.const 0
  i64.store offset=104
  global.get 0
  local.set 10
  i32.const 1280
  i32.const 80
  i32.const 0
  i32.const 0
  call $group_rows
  local.tee 6
  i32.load
  local.set 7
  local.get 6
  i32.const 4
  i32.add
  local.set 6
  i32.const 1280
  local.get 6
  local.get 7
  i32.const 1
  i32.const 4
  call $fold:mean
  local.set 9
  local.set 8
  local.get 10
  global.set 0
  local.get 8
  i32.eqz
  if ;; label = @1
    i32.const 209
    i32.const 4
    i32.const 64
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 8
  local.get 9
  return
  i32.const 0
  i64.const 0
)
