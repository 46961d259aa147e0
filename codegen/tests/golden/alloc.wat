;; `alloc`: bump allocation, growing memory by half or by what is needed (E405 past the
;; limit).
;;! function alloc
;;! | RESULT 1 + 2
(func $alloc (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32)
  global.get 0
  local.tee 4
  local.get 0
  i32.const 15
  i32.add
  i32.const -16
  i32.and
  i32.add
  local.tee 5
  local.get 4
  i32.lt_u
  if ;; label = @1
    i32.const 405
    global.get 18
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 5
  i64.extend_i32_u
  memory.size
  local.tee 6
  i64.extend_i32_u
  i64.const 16
  i64.shl
  i64.gt_u
  if ;; label = @1
    local.get 5
    i64.extend_i32_u
    local.get 6
    i64.extend_i32_u
    i64.const 16
    i64.shl
    i64.sub
    i64.const 65535
    i64.add
    i64.const 16
    i64.shr_u
    i32.wrap_i64
    local.set 7
    local.get 6
    local.get 7
    i32.add
    global.get 9
    i32.gt_u
    if ;; label = @2
      i32.const 405
      global.get 18
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    local.get 6
    i32.const 1
    i32.shr_u
    local.get 7
    local.get 6
    i32.const 1
    i32.shr_u
    local.get 7
    i32.gt_u
    local.get 6
    local.get 6
    i32.const 1
    i32.shr_u
    i32.add
    global.get 9
    i32.le_u
    i32.and
    select
    memory.grow
    i32.const -1
    i32.eq
    if ;; label = @2
      local.get 7
      memory.grow
      i32.const -1
      i32.eq
      if ;; label = @3
        i32.const 405
        global.get 18
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
    end
  end
  local.get 5
  global.set 0
  local.get 4
)
