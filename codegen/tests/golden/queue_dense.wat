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
  (local i32 i32 i32 i32 i64 i64)
  i32.const 112
  i32.load
  local.set 4
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
    local.set 8
    local.get 7
    i64.load offset=8
    local.get 7
    i64.load32_u
    i64.const -7046029254386353131
    i64.mul
    i64.add
    i64.const -49064778989728563
    i64.mul
    local.tee 9
    local.get 9
    i64.const 33
    i64.shr_u
    i64.xor
    local.get 8
    i64.xor
    i64.const 1099511628211
    i64.mul
    local.set 8
    local.get 7
    i64.load offset=24
    local.get 7
    i64.load32_u offset=16
    i64.const -7046029254386353131
    i64.mul
    i64.add
    i64.const -49064778989728563
    i64.mul
    local.tee 9
    local.get 9
    i64.const 33
    i64.shr_u
    i64.xor
    local.get 8
    i64.xor
    i64.const 1099511628211
    i64.mul
    local.set 8
    local.get 8
    local.get 8
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
