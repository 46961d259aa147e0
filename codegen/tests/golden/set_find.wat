;; `set_find/2`: whether a set holds a tuple (the NOT clause with every column bound).
;;! function set_find/2
;;! | REL p
;;! | REL q
;;! | FACT p 1 2
;;! | RULE q: SCAN p, NOT p $1 $0, EMIT q $0
;;! | SOLVE
(func $set_find/2 (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i64 i64)
  i32.const 32
  local.set 4
  local.get 0
  i32.load offset=16
  i32.eqz
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 0
  i32.load offset=16
  i32.const 1
  i32.sub
  local.set 9
  i64.const -3750763034362895579
  local.set 11
  local.get 1
  i64.load offset=8
  local.get 1
  i64.load32_u
  i64.const -7046029254386353131
  i64.mul
  i64.add
  i64.const -49064778989728563
  i64.mul
  local.tee 12
  local.get 12
  i64.const 33
  i64.shr_u
  i64.xor
  local.get 11
  i64.xor
  i64.const 1099511628211
  i64.mul
  local.set 11
  local.get 1
  i64.load offset=24
  local.get 1
  i64.load32_u offset=16
  i64.const -7046029254386353131
  i64.mul
  i64.add
  i64.const -49064778989728563
  i64.mul
  local.tee 12
  local.get 12
  i64.const 33
  i64.shr_u
  i64.xor
  local.get 11
  i64.xor
  i64.const 1099511628211
  i64.mul
  local.set 11
  local.get 11
  local.get 11
  i64.const 32
  i64.shr_u
  i64.xor
  i32.wrap_i64
  local.tee 10
  local.get 9
  i32.and
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 0
      i32.load offset=12
      local.get 5
      i32.const 8
      i32.mul
      i32.add
      local.tee 6
      i32.load offset=4
      local.tee 7
      i32.eqz
      br_if 1 (;@1;)
      local.get 6
      i32.load
      local.get 10
      i32.eq
      if ;; label = @3
        local.get 0
        i32.load
        local.get 7
        i32.const 1
        i32.sub
        local.get 4
        i32.mul
        i32.add
        local.set 8
        i32.const 0
        local.get 8
        i32.load
        local.get 1
        i32.load
        i32.ne
        local.get 8
        i64.load offset=8
        local.get 1
        i64.load offset=8
        i64.ne
        i32.or
        i32.or
        local.get 8
        i32.load offset=16
        local.get 1
        i32.load offset=16
        i32.ne
        local.get 8
        i64.load offset=24
        local.get 1
        i64.load offset=24
        i64.ne
        i32.or
        i32.or
        i32.eqz
        if ;; label = @4
          i32.const 1
          return
        end
      end
      local.get 5
      i32.const 1
      i32.add
      local.get 9
      i32.and
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 0
)
