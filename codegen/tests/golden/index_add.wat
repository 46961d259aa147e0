;; `index_add`: files a row under its key.
;;! function index_add
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $index_add (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 1
  i32.load offset=20
  i32.const 16
  i32.mul
  local.set 4
  local.get 1
  i32.load
  local.set 5
  local.get 5
  local.get 2
  local.get 4
  i32.mul
  i32.add
  local.set 6
  local.get 0
  i32.load offset=4
  local.set 7
  local.get 0
  i32.load offset=16
  i32.const 1
  i32.add
  i32.const 1
  i32.shl
  local.get 0
  i32.load offset=12
  i32.gt_u
  if ;; label = @1
    local.get 0
    i32.const 0
    i32.const 0
    i32.const 0
    call $index_grow
  end
  local.get 6
  local.get 7
  local.get 0
  i32.load
  i32.const 0
  call $hash
  local.set 8
  local.get 0
  i32.load offset=12
  i32.const 1
  i32.sub
  local.tee 14
  local.get 8
  i32.and
  local.set 13
  block ;; label = @1
    loop ;; label = @2
      local.get 0
      i32.load offset=8
      local.get 13
      i32.const 16
      i32.mul
      i32.add
      local.tee 9
      i32.load offset=4
      local.tee 10
      i32.eqz
      br_if 1 (;@1;)
      local.get 9
      i32.load
      local.get 8
      i32.eq
      if ;; label = @3
        local.get 5
        local.get 10
        i32.load
        local.get 4
        i32.mul
        i32.add
        local.get 0
        i32.load offset=4
        local.get 6
        local.get 7
        local.get 0
        i32.load
        call $equal
        br_if 2 (;@1;)
      end
      local.get 13
      i32.const 1
      i32.add
      local.get 14
      i32.and
      local.set 13
      br 0 (;@2;)
    end
  end
  local.get 10
  if ;; label = @1
    local.get 9
    i32.load offset=8
    local.tee 11
    local.get 9
    i32.load offset=12
    i32.eq
    if ;; label = @2
      local.get 11
      i32.const 8
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call $alloc
      local.tee 12
      local.get 10
      local.get 11
      i32.const 4
      i32.mul
      memory.copy
      local.get 9
      local.get 12
      local.tee 10
      i32.store offset=4
      local.get 9
      local.get 11
      i32.const 1
      i32.shl
      i32.store offset=12
    end
    local.get 10
    local.get 11
    i32.const 4
    i32.mul
    i32.add
    local.get 2
    i32.store
    local.get 9
    local.get 11
    i32.const 1
    i32.add
    i32.store offset=8
    return
  end
  i32.const 16
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 10
  local.get 2
  i32.store
  local.get 9
  local.get 8
  i32.store
  local.get 9
  local.get 10
  i32.store offset=4
  local.get 9
  i32.const 1
  i32.store offset=8
  local.get 9
  i32.const 4
  i32.store offset=12
  local.get 0
  local.get 0
  i32.load offset=16
  i32.const 1
  i32.add
  i32.store offset=16
)
