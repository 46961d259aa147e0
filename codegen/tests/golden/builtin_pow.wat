;; `builtin:pow`: Int by squaring with overflow checks, else the `pow` import.
;;! function builtin:pow
;;! | RESULT POW(2, 10)
(func $builtin:pow (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i64 i64 i64)
  local.get 0
  i32.const 1
  i32.eq
  local.get 2
  i32.const 1
  i32.eq
  i32.and
  local.get 3
  i64.const 0
  i64.ge_s
  i32.and
  if ;; label = @1
    i64.const 1
    local.set 5
    local.get 1
    local.set 6
    local.get 3
    local.set 7
    block ;; label = @2
      loop ;; label = @3
        local.get 7
        i64.eqz
        br_if 1 (;@2;)
        local.get 7
        i64.const 1
        i64.and
        i32.wrap_i64
        if ;; label = @4
          local.get 5
          local.get 6
          call $mul_overflows
          if ;; label = @5
            i32.const 202
            local.get 4
            i32.const 35
            local.get 0
            local.get 1
            local.get 2
            local.get 3
            call $fail
            unreachable
          end
          local.get 5
          local.get 6
          i64.mul
          local.set 5
        end
        local.get 7
        i64.const 1
        i64.shr_u
        local.tee 7
        i64.eqz
        i32.eqz
        if ;; label = @4
          local.get 6
          local.get 6
          call $mul_overflows
          if ;; label = @5
            i32.const 202
            local.get 4
            i32.const 35
            local.get 0
            local.get 1
            local.get 2
            local.get 3
            call $fail
            unreachable
          end
          local.get 6
          local.get 6
          i64.mul
          local.set 6
        end
        br 0 (;@3;)
      end
    end
    i32.const 1
    local.get 5
    return
  end
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.or
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 35
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 1
  f64.reinterpret_i64
  local.get 1
  f64.convert_i64_s
  local.get 0
  i32.const 2
  i32.eq
  select
  f64.const 0x0p+0 (;=0;)
  f64.eq
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  f64.const 0x0p+0 (;=0;)
  f64.lt
  i32.and
  if ;; label = @1
    i32.const 201
    local.get 4
    i32.const 35
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 1
  f64.reinterpret_i64
  local.get 1
  f64.convert_i64_s
  local.get 0
  i32.const 2
  i32.eq
  select
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  call $pow
  local.get 4
  i32.const 35
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
)
