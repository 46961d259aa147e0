;; `queue/2` in a module for long runs: a tuple for a set with a bitmap goes through
;; `emit/2` at once (its table no longer grows, so the batch would never have room).
;;! target long-run
;;! function queue/2
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $queue/2 (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i64 i64 i64 i64 i64 i64 i64)
  i32.const 112
  i32.load
  local.set 4
  i32.const 80
  local.set 7
  local.get 0
  i32.load offset=60
  i32.const 0
  i32.ne
  local.get 4
  i32.const 0
  i32.ne
  i32.and
  if ;; label = @1
    local.get 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $flush/2
    i32.const 0
    local.set 4
  end
  block ;; label = @1
    local.get 0
    i32.load offset=60
    local.tee 9
    i32.eqz
    br_if 0 (;@1;)
    local.get 7
    i32.load
    i32.const 1
    i32.ne
    br_if 0 (;@1;)
    local.get 7
    i32.load offset=16
    i32.const 1
    i32.ne
    br_if 0 (;@1;)
    local.get 0
    i64.load offset=40
    local.set 11
    local.get 0
    i64.load offset=48
    local.set 12
    local.get 0
    i64.load32_u offset=56
    local.set 13
    local.get 7
    i64.load offset=8
    local.get 11
    i64.sub
    local.get 0
    i64.load32_u offset=36
    i64.ge_u
    br_if 0 (;@1;)
    local.get 7
    i64.load offset=24
    local.get 12
    i64.sub
    local.get 13
    i64.shr_u
    i64.eqz
    i32.eqz
    br_if 0 (;@1;)
    local.get 7
    i64.load offset=8
    local.get 11
    i64.sub
    local.get 13
    i64.shl
    local.set 14
    local.get 14
    local.get 7
    i64.load offset=24
    local.get 12
    i64.sub
    i64.or
    local.set 14
    local.get 9
    local.get 14
    i64.const 6
    i64.shr_u
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.set 10
    i64.const 1
    local.get 14
    i64.shl
    local.set 15
    local.get 10
    i64.load
    local.get 15
    i64.and
    i64.eqz
    i32.eqz
    if ;; label = @2
      return
    end
    local.get 10
    local.get 10
    i64.load
    local.get 15
    i64.or
    i64.store
    i32.const 1
    local.set 8
  end
  local.get 8
  if ;; label = @1
    local.get 0
    local.get 7
    i32.const 0
    i32.const 1
    call $set_insert/2
    drop
    global.get 4
    i64.const 1
    i64.add
    global.set 4
    global.get 3
    global.get 4
    i64.add
    i64.const 0
    i64.add
    global.get 5
    i64.gt_u
    if ;; label = @2
      i32.const 402
      local.get 1
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    return
  end
  local.get 4
  i32.eqz
  local.get 0
  i32.load offset=60
  i32.const 0
  i32.ne
  i32.and
  if ;; label = @1
    local.get 0
    local.get 1
    i32.const 0
    i32.const 0
    call $emit/2
    return
  end
  local.get 0
  i32.load offset=4
  local.set 5
  global.get 3
  global.get 4
  i64.add
  local.get 4
  i64.extend_i32_u
  i64.add
  i64.const 1
  i64.add
  global.get 5
  i64.le_u
  local.get 5
  local.get 4
  i32.add
  local.tee 5
  local.get 0
  i32.load offset=8
  i32.lt_u
  i32.and
  local.get 5
  i32.const 1
  i32.add
  i32.const 1
  i32.shl
  local.get 0
  i32.load offset=16
  i32.le_u
  i32.and
  if ;; label = @1
    i32.const 80
    local.set 7
    i32.const 256
    local.get 4
    i32.const 32
    i32.mul
    i32.add
    local.set 6
    local.get 6
    local.get 7
    i64.load
    i64.store
    local.get 6
    local.get 7
    i64.load offset=8
    i64.store offset=8
    local.get 6
    local.get 7
    i64.load offset=16
    i64.store offset=16
    local.get 6
    local.get 7
    i64.load offset=24
    i64.store offset=24
    i32.const 128
    local.get 4
    i32.const 4
    i32.mul
    i32.add
    i64.const -3750763034362895579
    local.set 16
    local.get 7
    i64.load offset=8
    local.get 7
    i64.load32_u
    i64.const -7046029254386353131
    i64.mul
    i64.add
    i64.const -49064778989728563
    i64.mul
    local.tee 17
    local.get 17
    i64.const 33
    i64.shr_u
    i64.xor
    local.get 16
    i64.xor
    i64.const 1099511628211
    i64.mul
    local.set 16
    local.get 7
    i64.load offset=24
    local.get 7
    i64.load32_u offset=16
    i64.const -7046029254386353131
    i64.mul
    i64.add
    i64.const -49064778989728563
    i64.mul
    local.tee 17
    local.get 17
    i64.const 33
    i64.shr_u
    i64.xor
    local.get 16
    i64.xor
    i64.const 1099511628211
    i64.mul
    local.set 16
    local.get 16
    local.get 16
    i64.const 32
    i64.shr_u
    i64.xor
    i32.wrap_i64
    i32.store
    i32.const 112
    local.get 4
    i32.const 1
    i32.add
    local.tee 4
    i32.store
    local.get 4
    i32.const 32
    i32.eq
    if ;; label = @2
      local.get 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $flush/2
    end
    return
  end
  local.get 0
  i32.const 0
  i32.const 0
  i32.const 0
  call $flush/2
  local.get 0
  local.get 1
  i32.const 0
  i32.const 0
  call $emit/2
)
