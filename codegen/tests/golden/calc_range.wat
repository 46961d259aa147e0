;; FOR … IN RANGE with BREAK and CONTINUE (a step per iteration, overflow ends the
;; loop).
;;! function calc:f
;;! | CALC f
;;! | FOR $i IN RANGE(0, 9, 2)
;;! | IF $i == 4 THEN BREAK END
;;! | CONTINUE
;;! | END
;;! | RESULT $i
;;! | END
;;! | RESULT CALC f()
(func $calc:f (param i32 i64 i32) (result i32 i64)
  (local i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i64 i32 i64 i32 i64)
  global.get 1
  i64.const 1
  i64.add
  global.set 1
  global.get 1
  global.get 2
  i64.gt_u
  if ;; label = @1
    i32.const 401
    i32.const 2
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
  local.set 6
  local.set 5
  local.get 5
  i32.const 1
  i32.ne
  if ;; label = @1
    i32.const 1
    local.set 7
    i64.const 0
    local.set 8
    i32.const 203
    i32.const 3
    i32.const 21
    local.get 5
    local.get 6
    local.get 7
    local.get 8
    call $fail
    unreachable
  end
  i32.const 1
  i64.const 9
  local.set 10
  local.set 9
  local.get 9
  i32.const 1
  i32.ne
  if ;; label = @1
    i32.const 1
    local.set 11
    i64.const 1
    local.set 12
    i32.const 203
    i32.const 4
    i32.const 21
    local.get 9
    local.get 10
    local.get 11
    local.get 12
    call $fail
    unreachable
  end
  i32.const 1
  i64.const 2
  local.set 14
  local.set 13
  local.get 13
  i32.const 1
  i32.ne
  if ;; label = @1
    i32.const 1
    local.set 15
    i64.const 2
    local.set 16
    i32.const 203
    i32.const 5
    i32.const 21
    local.get 13
    local.get 14
    local.get 15
    local.get 16
    call $fail
    unreachable
  end
  local.get 14
  i64.eqz
  if ;; label = @1
    i32.const 207
    i32.const 2
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  block ;; label = @1
    loop ;; label = @2
      local.get 14
      i64.const 0
      i64.gt_s
      local.get 6
      local.get 10
      i64.lt_s
      i32.and
      local.get 14
      i64.const 0
      i64.lt_s
      local.get 6
      local.get 10
      i64.gt_s
      i32.and
      i32.or
      i32.eqz
      br_if 1 (;@1;)
      i32.const 1
      local.set 3
      local.get 6
      local.set 4
      global.get 1
      i64.const 1
      i64.add
      global.set 1
      global.get 1
      global.get 2
      i64.gt_u
      if ;; label = @3
        i32.const 401
        i32.const 2
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
          i32.const 6
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
          i32.const 7
          i32.const 23
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        local.get 3
        local.get 4
        local.set 19
        local.set 18
        local.get 18
        local.get 19
        i32.const 1
        i64.const 4
        i32.const 8
        call $binary:eq
        local.set 19
        local.set 18
        local.get 18
        local.get 19
        local.set 21
        local.set 20
        local.get 20
        i32.const 1
        i32.ne
        local.get 21
        i64.const 0
        i64.ne
        i32.or
        if ;; label = @4
          global.get 1
          i64.const 1
          i64.add
          global.set 1
          global.get 1
          global.get 2
          i64.gt_u
          if ;; label = @5
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
          br 3 (;@1;)
        else
        end
        global.get 1
        i64.const 1
        i64.add
        global.set 1
        global.get 1
        global.get 2
        i64.gt_u
        if ;; label = @4
          i32.const 401
          i32.const 10
          i32.const 0
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        br 0 (;@3;)
      end
      local.get 6
      local.get 14
      i64.add
      local.set 17
      local.get 6
      local.get 17
      i64.xor
      local.get 14
      local.get 17
      i64.xor
      i64.and
      i64.const 0
      i64.lt_s
      br_if 1 (;@1;)
      local.get 17
      local.set 6
      br 0 (;@2;)
    end
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
    i32.const 11
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
  if ;; label = @1
    i32.const 208
    i32.const 12
    i32.const 23
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 3
  local.get 4
  return
  i32.const 0
  i64.const 0
)
