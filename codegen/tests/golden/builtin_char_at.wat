;; `builtin:char_at`: a character as a new Symbol.
;;! function builtin:char_at
;;! | RESULT CHAR_AT("ab", 1)
(func $builtin:char_at (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i32 i32 i32 i32 i64)
  local.get 0
  i32.const 3
  i32.ne
  local.get 2
  i32.const 1
  i32.ne
  i32.or
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 50
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 1
  i32.wrap_i64
  local.set 5
  global.get 13
  local.get 5
  i32.const 8
  i32.mul
  i32.add
  local.tee 5
  i32.load offset=4
  local.set 6
  local.get 5
  i32.load
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 3
      i64.const 0
      i64.lt_s
      local.get 7
      local.get 6
      i32.ge_u
      i32.or
      br_if 1 (;@1;)
      local.get 5
      local.get 7
      i32.add
      i32.load8_u
      local.tee 8
      i32.const 192
      i32.ge_u
      local.get 8
      i32.const 224
      i32.ge_u
      i32.add
      local.get 8
      i32.const 240
      i32.ge_u
      i32.add
      i32.const 1
      i32.add
      local.set 8
      local.get 9
      local.get 3
      i64.eq
      if ;; label = @3
        i32.const 3
        local.get 5
        local.get 7
        i32.add
        local.get 8
        i32.const 0
        i32.const 0
        call $intern
        i64.extend_i32_u
        return
      end
      local.get 7
      local.get 8
      i32.add
      local.set 7
      local.get 9
      i64.const 1
      i64.add
      local.set 9
      br 0 (;@2;)
    end
  end
  i32.const 204
  local.get 4
  i32.const 50
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $fail
  unreachable
)
