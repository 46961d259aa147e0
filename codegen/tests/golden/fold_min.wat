;; `fold:min`: no value when empty; E203 for numbers and Symbols; else the least
;; value in spec §2.4 order.
;;! function fold:min
;;! | REL p
;;! | FACT p 1 2
;;! | RESULT MIN(QUERY p ? ?)
(func $fold:min (param i32 i32 i32 i32 i32) (result i32 i64)
  (local i32 i32 i32 i32 i64)
  global.get 2
  global.get 1
  i64.sub
  local.get 2
  i64.extend_i32_u
  i64.lt_u
  if ;; label = @1
    global.get 2
    i64.const 1
    i64.add
    global.set 1
    i32.const 401
    local.get 4
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  global.get 1
  local.get 2
  i64.extend_i32_u
  i64.add
  global.set 1
  local.get 2
  i32.eqz
  if ;; label = @1
    i32.const 0
    i64.const 0
    return
  end
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      i32.load
      local.get 1
      local.get 6
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 0
      i32.load offset=20
      i32.mul
      local.get 3
      i32.add
      i32.const 16
      i32.mul
      i32.add
      local.set 5
      local.get 7
      i32.const 1
      i32.const 2
      local.get 5
      i32.load
      i32.const 3
      i32.eq
      select
      i32.or
      local.set 7
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 7
  i32.const 3
  i32.eq
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 62
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  i32.const 0
  local.set 6
  local.get 0
  i32.load
  local.get 1
  local.get 6
  i32.const 4
  i32.mul
  i32.add
  i32.load
  local.get 0
  i32.load offset=20
  i32.mul
  local.get 3
  i32.add
  i32.const 16
  i32.mul
  i32.add
  local.set 5
  local.get 5
  i32.load
  local.get 5
  i64.load offset=8
  local.set 9
  local.set 8
  i32.const 1
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      i32.load
      local.get 1
      local.get 6
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 0
      i32.load offset=20
      i32.mul
      local.get 3
      i32.add
      i32.const 16
      i32.mul
      i32.add
      local.set 5
      local.get 5
      i32.load
      local.get 5
      i64.load offset=8
      local.get 8
      local.get 9
      local.get 4
      i32.const 62
      call $order
      i32.const -1
      i32.eq
      if ;; label = @3
        local.get 5
        i32.load
        local.get 5
        i64.load offset=8
        local.set 9
        local.set 8
      end
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 8
  local.get 9
)
