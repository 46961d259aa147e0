;; `intern`: a text's Symbol id, new texts appended to the Symbol table.
;;! function intern
;;! | RESULT 1 + 2
(func $intern (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32)
  global.get 14
  i32.const 1
  i32.add
  i32.const 1
  i32.shl
  global.get 17
  i32.gt_u
  if ;; label = @1
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $intern_grow
  end
  local.get 0
  local.get 1
  i32.const 0
  i32.const 0
  call $hash_bytes
  local.tee 4
  global.get 17
  i32.const 1
  i32.sub
  i32.and
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      global.get 16
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
      local.get 4
      i32.eq
      if ;; label = @3
        global.get 13
        local.get 7
        i32.const 1
        i32.sub
        i32.const 8
        i32.mul
        i32.add
        local.tee 8
        i32.load
        local.get 8
        i32.load offset=4
        local.get 0
        local.get 1
        call $cmp_bytes
        i32.eqz
        if ;; label = @4
          local.get 7
          i32.const 1
          i32.sub
          return
        end
      end
      local.get 5
      i32.const 1
      i32.add
      global.get 17
      i32.const 1
      i32.sub
      i32.and
      local.set 5
      br 0 (;@2;)
    end
  end
  global.get 14
  global.get 15
  i32.eq
  if ;; label = @1
    global.get 15
    i32.const 1
    i32.shl
    i32.const 16
    i32.add
    local.tee 9
    i32.const 8
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.tee 10
    global.get 13
    global.get 14
    i32.const 8
    i32.mul
    memory.copy
    local.get 10
    global.set 13
    local.get 9
    global.set 15
  end
  global.get 13
  global.get 14
  i32.const 8
  i32.mul
  i32.add
  local.tee 8
  local.get 0
  i32.store
  local.get 8
  local.get 1
  i32.store offset=4
  local.get 6
  local.get 4
  i32.store
  local.get 6
  global.get 14
  i32.const 1
  i32.add
  i32.store offset=4
  global.get 14
  global.get 14
  i32.const 1
  i32.add
  global.set 14
)
