;; `set_insert/2` in a module for long runs: the set's bitmap first.
;;! target long-run
;;! function set_insert/2
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $set_insert/2 (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i64 i64 i64)
  i32.const 32
  local.set 4
  block ;; label = @1
    local.get 3
    if ;; label = @2
      i32.const 1
      local.set 13
      br 1 (;@1;)
    end
    local.get 0
    i32.load offset=60
    i32.eqz
    local.get 0
    i32.load offset=4
    i32.const 128
    i32.ge_u
    i32.and
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.add
    i32.const 1
    i32.shl
    local.get 0
    i32.load offset=16
    i32.gt_u
    i32.and
    if ;; label = @2
      local.get 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $set_dense
    end
    block ;; label = @2
      local.get 0
      i32.load offset=60
      local.tee 14
      i32.eqz
      br_if 0 (;@2;)
      local.get 1
      i32.load
      i32.const 1
      i32.ne
      br_if 0 (;@2;)
      local.get 1
      i32.load offset=16
      i32.const 1
      i32.ne
      br_if 0 (;@2;)
      local.get 0
      i64.load offset=40
      local.set 16
      local.get 0
      i64.load offset=48
      local.set 17
      local.get 0
      i64.load32_u offset=56
      local.set 18
      local.get 1
      i64.load offset=8
      local.get 16
      i64.sub
      local.get 0
      i64.load32_u offset=36
      i64.ge_u
      br_if 0 (;@2;)
      local.get 1
      i64.load offset=24
      local.get 17
      i64.sub
      local.get 18
      i64.shr_u
      i64.eqz
      i32.eqz
      br_if 0 (;@2;)
      local.get 1
      i64.load offset=8
      local.get 16
      i64.sub
      local.get 18
      i64.shl
      local.set 19
      local.get 19
      local.get 1
      i64.load offset=24
      local.get 17
      i64.sub
      i64.or
      local.set 19
      local.get 14
      local.get 19
      i64.const 6
      i64.shr_u
      i32.wrap_i64
      i32.const 3
      i32.shl
      i32.add
      local.set 15
      i64.const 1
      local.get 19
      i64.shl
      local.set 20
      local.get 15
      i64.load
      local.get 20
      i64.and
      i64.eqz
      i32.eqz
      if ;; label = @3
        i32.const -1
        return
      end
      local.get 15
      local.get 15
      i64.load
      local.get 20
      i64.or
      i64.store
      i32.const 1
      local.set 13
      br 1 (;@1;)
    end
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.add
    i32.const 1
    i32.shl
    local.get 0
    i32.load offset=16
    i32.gt_u
    if ;; label = @2
      local.get 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $set_grow
    end
    local.get 0
    i32.load offset=16
    i32.const 1
    i32.sub
    local.set 11
    local.get 2
    local.get 11
    i32.and
    local.set 5
    block ;; label = @2
      loop ;; label = @3
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
        br_if 1 (;@2;)
        local.get 6
        i32.load
        local.get 2
        i32.eq
        if ;; label = @4
          local.get 0
          i32.load
          local.get 7
          i32.const 1
          i32.sub
          local.get 4
          i32.mul
          i32.add
          local.set 10
          i32.const 0
          local.get 10
          i32.load
          local.get 1
          i32.load
          i32.ne
          local.get 10
          i64.load offset=8
          local.get 1
          i64.load offset=8
          i64.ne
          i32.or
          i32.or
          local.get 10
          i32.load offset=16
          local.get 1
          i32.load offset=16
          i32.ne
          local.get 10
          i64.load offset=24
          local.get 1
          i64.load offset=24
          i64.ne
          i32.or
          i32.or
          i32.eqz
          if ;; label = @5
            i32.const -1
            return
          end
        end
        local.get 5
        i32.const 1
        i32.add
        local.get 11
        i32.and
        local.set 5
        br 0 (;@3;)
      end
    end
  end
  local.get 0
  i32.load offset=4
  local.set 8
  local.get 0
  i32.load offset=8
  local.tee 9
  local.get 8
  i32.eq
  if ;; label = @1
    local.get 9
    i32.const 1
    i32.shl
    i32.const 8
    i32.add
    local.set 12
    local.get 0
    i32.load
    local.get 9
    local.get 4
    i32.mul
    i32.add
    global.get 0
    i32.eq
    if ;; label = @2
      local.get 12
      local.get 9
      i32.sub
      local.get 4
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call $alloc
      drop
    else
      local.get 12
      local.get 4
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call $alloc
      local.tee 10
      local.get 0
      i32.load
      local.get 8
      local.get 4
      i32.mul
      memory.copy
      local.get 0
      local.get 10
      i32.store
    end
    local.get 0
    local.get 12
    i32.store offset=8
  end
  local.get 0
  i32.load
  local.get 8
  local.get 4
  i32.mul
  i32.add
  local.set 10
  local.get 10
  local.get 1
  i64.load
  i64.store
  local.get 10
  local.get 1
  i64.load offset=8
  i64.store offset=8
  local.get 10
  local.get 1
  i64.load offset=16
  i64.store offset=16
  local.get 10
  local.get 1
  i64.load offset=24
  i64.store offset=24
  local.get 13
  i32.eqz
  if ;; label = @1
    local.get 6
    local.get 2
    i32.store
    local.get 6
    local.get 8
    i32.const 1
    i32.add
    i32.store offset=4
  end
  local.get 0
  local.get 8
  i32.const 1
  i32.add
  i32.store offset=4
  local.get 8
)
