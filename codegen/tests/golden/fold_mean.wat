;; `fold:mean`: SUM's total divided by the count with `/`; no value when empty.
;;! function fold:mean
;;! | REL p
;;! | FACT p 1 2
;;! | RESULT MEAN(QUERY p ? ?)
(func $fold:mean (param i32 i32 i32 i32 i32) (result i32 i64)
  (local i32 i32 i32 i32 i32 i32 i64 i64 i64 i64 i32 i64 f64)
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
  i32.const 1
  local.set 10
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
      local.set 14
      local.tee 15
      i32.const 3
      i32.eq
      if ;; label = @3
        i32.const 203
        local.get 4
        i32.const 64
        local.get 15
        local.get 14
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
      local.get 15
      i32.const 1
      i32.ne
      local.get 7
      i32.or
      local.set 7
      local.get 11
      local.get 14
      i64.add
      local.tee 13
      local.get 11
      i64.lt_u
      i64.extend_i32_u
      local.get 12
      i64.add
      local.get 14
      i64.const 63
      i64.shr_s
      i64.add
      local.set 12
      local.get 13
      local.set 11
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 7
  i32.eqz
  if ;; label = @1
    local.get 12
    local.get 11
    i64.const 63
    i64.shr_s
    i64.ne
    if ;; label = @2
      i32.const 202
      local.get 4
      i32.const 64
      local.get 10
      local.get 11
      local.get 10
      local.get 12
      call $fail
      unreachable
    end
    local.get 10
    local.set 15
    local.get 11
    local.set 16
  else
    global.get 0
    local.set 9
    local.get 2
    i32.const 4
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.set 8
    i32.const 0
    local.set 6
    block ;; label = @2
      loop ;; label = @3
        local.get 6
        local.get 2
        i32.ge_u
        br_if 1 (;@2;)
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
        local.get 8
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        local.get 5
        local.get 3
        i32.const 16
        i32.mul
        i32.sub
        i32.store
        local.get 6
        i32.const 1
        i32.add
        local.set 6
        br 0 (;@3;)
      end
    end
    local.get 8
    local.get 2
    local.get 0
    i32.load offset=20
    i32.const 0
    call $sort
    f64.const 0x0p+0 (;=0;)
    local.set 17
    i32.const 0
    local.set 6
    block ;; label = @2
      loop ;; label = @3
        local.get 6
        local.get 2
        i32.ge_u
        br_if 1 (;@2;)
        local.get 8
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        i32.load
        local.get 3
        i32.const 16
        i32.mul
        i32.add
        local.set 5
        local.get 17
        local.get 5
        i32.load
        local.get 5
        i64.load offset=8
        local.set 14
        i32.const 1
        i32.eq
        if (result f64) ;; label = @4
          local.get 14
          f64.convert_i64_s
        else
          local.get 14
          f64.reinterpret_i64
        end
        f64.add
        local.set 17
        local.get 6
        i32.const 1
        i32.add
        local.set 6
        br 0 (;@3;)
      end
    end
    local.get 9
    global.set 0
    local.get 17
    local.get 4
    i32.const 64
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $canon
    local.set 16
    local.set 15
  end
  local.get 15
  local.get 16
  i32.const 1
  local.get 2
  i64.extend_i32_u
  local.get 4
  call $binary:div
)
