;; `binary:mod`: floored modulo, Floats through the `fmod` import.
;;! function binary:mod
;;! | RESULT 7 % 2
(func $binary:mod (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i64 f64 f64 f64)
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
    i32.const 13
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 0
  i32.const 1
  i32.eq
  local.get 2
  i32.const 1
  i32.eq
  i32.and
  if ;; label = @1
    local.get 3
    i64.eqz
    if ;; label = @2
      i32.const 201
      local.get 4
      i32.const 13
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call $fail
      unreachable
    end
    local.get 1
    local.get 3
    i64.rem_s
    local.set 5
    i32.const 1
    local.get 5
    local.get 3
    i64.add
    local.get 5
    local.get 5
    i64.const 0
    i64.ne
    local.get 5
    local.get 3
    i64.xor
    i64.const 0
    i64.lt_s
    i32.and
    select
    return
  end
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  local.tee 6
  f64.const 0x0p+0 (;=0;)
  f64.eq
  if ;; label = @1
    i32.const 201
    local.get 4
    i32.const 13
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
  local.set 7
  local.get 7
  local.get 6
  call $fmod
  local.tee 8
  local.get 6
  f64.add
  local.get 8
  local.get 8
  f64.const 0x0p+0 (;=0;)
  f64.ne
  local.get 8
  f64.const 0x0p+0 (;=0;)
  f64.lt
  local.get 6
  f64.const 0x0p+0 (;=0;)
  f64.lt
  i32.ne
  i32.and
  select
  local.get 4
  i32.const 13
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
)
