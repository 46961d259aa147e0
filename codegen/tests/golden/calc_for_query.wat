;; FOR … IN (QUERY …): a snapshot of the answer, rows read through the tuple variable.
;;! function calc:f
;;! | REL r
;;! | FACT r 1 2
;;! | CALC f
;;! | FOR t IN (QUERY r ? ?)
;;! | RESULT t.a + t.b
;;! | END
;;! | RESULT 0
;;! | END
;;! | RESULT CALC f()
(func $calc:f (param i32 i64 i32) (result i32 i64)
  (local i32 i32 i32 i32 i32 i64)
  global.get 1
  i64.const 1
  i64.add
  global.set 1
  global.get 1
  global.get 2
  i64.gt_u
  if ;; label = @1
    i32.const 401
    i32.const 4
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  i32.const 0
  i32.const 0
  i32.store offset=80
  i32.const 0
  i64.const 0
  i64.store offset=88
  i32.const 0
  i32.const 0
  i32.store offset=96
  i32.const 0
  i64.const 0
  i64.store offset=104
  i32.const 1280
  i32.const 80
  i32.const 0
  i32.const 80
  call $snapshot
  i32.const 0
  i32.load offset=80
  local.set 5
  i32.const 0
  i32.load offset=84
  local.set 4
  i32.const 0
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      local.get 6
      i32.const 32
      i32.mul
      i32.add
      local.set 3
      global.get 1
      i64.const 1
      i64.add
      global.set 1
      global.get 1
      global.get 2
      i64.gt_u
      if ;; label = @3
        i32.const 401
        i32.const 4
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
          i32.const 5
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
          i32.const 6
          i32.const 25
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        local.get 3
        i32.load
        local.get 3
        i64.load offset=8
        local.set 8
        local.set 7
        local.get 7
        local.get 8
        local.get 3
        i32.eqz
        if ;; label = @4
          i32.const 208
          i32.const 7
          i32.const 25
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        local.get 3
        i32.load offset=16
        local.get 3
        i64.load offset=24
        i32.const 8
        call $binary:add
        local.set 8
        local.set 7
        local.get 7
        local.get 8
        return
      end
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  i32.const 0
  local.set 3
  global.get 0
  local.get 4
  local.get 5
  i32.const 32
  i32.mul
  i32.add
  i32.eq
  if ;; label = @1
    local.get 4
    global.set 0
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
  i32.const 1
  i64.const 0
  return
  i32.const 0
  i64.const 0
)
