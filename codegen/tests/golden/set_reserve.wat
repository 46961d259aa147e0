;; `set_reserve`: room for a run of FACTs before they load (a table of at least twice
;; their number of entries, rows for all of them).
;;! function set_reserve
;;! | REL e
;;! | FACT e 1 2
;;! | FACT e 2 3
;;! | FACT e 3 4
;;! | FACT e 4 5
;;! | QUERY e ? ?
(func $set_reserve (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32)
  local.get 0
  i32.load offset=20
  i32.const 16
  i32.mul
  local.set 7
  local.get 0
  i32.load offset=4
  local.tee 5
  local.get 1
  i32.add
  local.set 4
  local.get 4
  i32.const 1
  i32.shl
  local.get 0
  i32.load offset=16
  i32.gt_u
  if ;; label = @1
    local.get 0
    i32.const 1
    i32.const 32
    local.get 4
    i32.const 1
    i32.shl
    i32.const 1
    i32.sub
    i32.clz
    i32.sub
    i32.shl
    i32.const 0
    i32.const 0
    call $set_grow
  end
  local.get 0
  i32.load offset=8
  local.tee 6
  local.get 4
  i32.lt_u
  if ;; label = @1
    local.get 0
    i32.load
    local.get 6
    local.get 7
    i32.mul
    i32.add
    global.get 0
    i32.eq
    if ;; label = @2
      local.get 4
      local.get 6
      i32.sub
      local.get 7
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call $alloc
      drop
    else
      local.get 4
      local.get 7
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call $alloc
      local.tee 8
      local.get 0
      i32.load
      local.get 5
      local.get 7
      i32.mul
      memory.copy
      local.get 0
      local.get 8
      i32.store
    end
    local.get 0
    local.get 4
    i32.store offset=8
  end
)
