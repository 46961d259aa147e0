;; `hash_bytes`: the text hash.
;;! function hash_bytes
;;! | RESULT 1 + 2
(func $hash_bytes (param i32 i32 i32 i32) (result i32)
  (local i32 i64)
  i64.const -3750763034362895579
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 1
      local.get 4
      i32.sub
      i32.const 8
      i32.lt_u
      br_if 1 (;@1;)
      local.get 5
      local.get 0
      local.get 4
      i32.add
      i64.load align=1
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 5
      local.get 4
      i32.const 8
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 1
      i32.ge_u
      br_if 1 (;@1;)
      local.get 5
      local.get 0
      local.get 4
      i32.add
      i64.load8_u
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 5
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  local.get 5
  local.get 5
  i64.const 33
  i64.shr_u
  i64.xor
  i64.const -49064778989728563
  i64.mul
  local.set 5
  local.get 5
  local.get 5
  i64.const 33
  i64.shr_u
  i64.xor
  i64.const -49064778989728563
  i64.mul
  local.set 5
  local.get 5
  local.get 5
  i64.const 32
  i64.shr_u
  i64.xor
  i32.wrap_i64
)
