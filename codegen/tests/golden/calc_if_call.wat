;; A CALC with IF/ELSE and a recursive call (depth check, E206 when the callee reached
;; END).
;;! function calc:f
;;! | CALC f
;;! | INPUT $n
;;! | IF $n < 1 THEN RESULT 0 ELSE RESULT CALC f($n - 1) END
;;! | END
;;! | RESULT CALC f(3)
(func $calc:f (param i32 i64 i32) (result i32 i64)
  (local i32 i64 i32 i64 i32 i64 i32 i64)
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
  local.get 3
  local.get 4
  i32.const 1
  i64.const 1
  i32.const 4
  call $binary:lt
  local.set 4
  local.set 3
  local.get 3
  local.get 4
  local.set 6
  local.set 5
  local.get 5
  i32.const 1
  i32.ne
  local.get 6
  i64.const 0
  i64.ne
  i32.or
  if ;; label = @1
    global.get 1
    i64.const 1
    i64.add
    global.set 1
    global.get 1
    global.get 2
    i64.gt_u
    if ;; label = @2
      i32.const 401
      i32.const 5
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    i32.const 1
    i64.const 0
    return
  else
    global.get 1
    i64.const 1
    i64.add
    global.set 1
    global.get 1
    global.get 2
    i64.gt_u
    if ;; label = @2
      i32.const 401
      i32.const 6
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
    if ;; label = @2
      i32.const 208
      i32.const 8
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
    local.set 8
    local.set 7
    local.get 7
    local.get 8
    i32.const 1
    i64.const 1
    i32.const 9
    call $binary:sub
    local.set 8
    local.set 7
    local.get 7
    local.get 8
    global.get 7
    global.get 8
    i32.ge_u
    if ;; label = @2
      i32.const 403
      i32.const 7
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    global.get 7
    i32.const 1
    i32.add
    global.set 7
    i32.const 0
    call $calc:f
    global.get 7
    i32.const 1
    i32.sub
    global.set 7
    local.set 10
    local.set 9
    local.get 9
    i32.eqz
    if ;; label = @2
      i32.const 206
      i32.const 7
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    local.get 9
    local.get 10
    return
  end
  i32.const 0
  i64.const 0
)
