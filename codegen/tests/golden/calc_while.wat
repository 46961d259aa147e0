;; FOR WHILE.
;;! function calc:f
;;! | CALC f
;;! | LET $i = 0
;;! | FOR WHILE $i < 3
;;! | LET $i = $i + 1
;;! | END
;;! | RESULT $i
;;! | END
;;! | RESULT CALC f()
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
  i32.const 1
  i64.const 0
  local.set 4
  local.set 3
  global.get 1
  i64.const 1
  i64.add
  global.set 1
  global.get 1
  global.get 2
  i64.gt_u
  if ;; label = @1
    i32.const 401
    i32.const 3
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  block ;; label = @1
    loop ;; label = @2
      local.get 3
      i32.eqz
      if ;; label = @3
        i32.const 208
        i32.const 4
        i32.const 23
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
      local.get 3
      local.get 4
      local.set 6
      local.set 5
      local.get 5
      local.get 6
      i32.const 1
      i64.const 3
      i32.const 5
      call $binary:lt
      local.set 6
      local.set 5
      local.get 5
      local.get 6
      local.set 8
      local.set 7
      local.get 7
      i32.const 1
      i32.ne
      local.get 8
      i64.const 0
      i64.ne
      i32.or
      i32.eqz
      br_if 1 (;@1;)
      global.get 1
      i64.const 1
      i64.add
      global.set 1
      global.get 1
      global.get 2
      i64.gt_u
      if ;; label = @3
        i32.const 401
        i32.const 3
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
      block ;; label = @3
        global.get 1
        i64.const 1
        i64.add
        global.set 1
        global.get 1
        global.get 2
        i64.gt_u
        if ;; label = @4
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
        local.get 3
        i32.eqz
        if ;; label = @4
          i32.const 208
          i32.const 7
          i32.const 23
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        local.get 3
        local.get 4
        local.set 10
        local.set 9
        local.get 9
        local.get 10
        i32.const 1
        i64.const 1
        i32.const 8
        call $binary:add
        local.set 10
        local.set 9
        local.get 9
        local.get 10
        local.set 4
        local.set 3
      end
      br 0 (;@2;)
    end
  end
  global.get 1
  i64.const 1
  i64.add
  global.set 1
  global.get 1
  global.get 2
  i64.gt_u
  if ;; label = @1
    i32.const 401
    i32.const 9
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 3
  i32.eqz
  if ;; label = @1
    i32.const 208
    i32.const 10
    i32.const 23
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 3
  local.get 4
  return
  i32.const 0
  i64.const 0
)
