;; `snapshot`: the tuples matching a pattern, sorted.
;;! function snapshot
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $snapshot (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0
  i32.load offset=20
  local.set 4
  local.get 0
  i32.load
  local.set 5
  local.get 0
  i32.load offset=32
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 15
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 21
      local.get 1
      local.get 15
      i32.const 16
      i32.mul
      i32.add
      i32.load
      i32.eqz
      i32.add
      local.set 21
      local.get 15
      i32.const 1
      i32.add
      local.set 15
      br 0 (;@2;)
    end
  end
  local.get 21
  local.get 4
  local.get 2
  select
  local.tee 7
  i32.const 16
  i32.mul
  local.set 8
  local.get 6
  local.get 8
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.set 10
  local.get 6
  local.set 12
  local.get 21
  local.get 4
  i32.eq
  if ;; label = @1
    local.get 10
    local.get 5
    local.get 6
    local.get 8
    i32.mul
    memory.copy
  else
    i32.const 0
    local.set 12
    block ;; label = @2
      loop ;; label = @3
        local.get 13
        local.get 6
        i32.ge_u
        br_if 1 (;@2;)
        local.get 5
        local.get 13
        local.get 4
        i32.mul
        i32.const 16
        i32.mul
        i32.add
        local.set 14
        i32.const 1
        local.set 17
        i32.const 0
        local.set 15
        block ;; label = @4
          loop ;; label = @5
            local.get 15
            local.get 4
            i32.ge_u
            br_if 1 (;@4;)
            local.get 1
            local.get 15
            i32.const 16
            i32.mul
            local.tee 16
            i32.add
            local.tee 19
            i32.load
            if ;; label = @6
              local.get 19
              i32.load
              local.get 14
              local.get 16
              i32.add
              i32.load
              i32.ne
              local.get 19
              i64.load offset=8
              local.get 14
              local.get 16
              i32.add
              i64.load offset=8
              i64.ne
              i32.or
              if ;; label = @7
                i32.const 0
                local.set 17
              end
            end
            local.get 15
            i32.const 1
            i32.add
            local.set 15
            br 0 (;@5;)
          end
        end
        local.get 17
        if ;; label = @4
          local.get 10
          local.get 12
          local.get 8
          i32.mul
          i32.add
          local.set 18
          local.get 2
          if ;; label = @5
            i32.const 0
            local.set 16
            i32.const 0
            local.set 15
            block ;; label = @6
              loop ;; label = @7
                local.get 15
                local.get 4
                i32.ge_u
                br_if 1 (;@6;)
                local.get 1
                local.get 15
                i32.const 16
                i32.mul
                i32.add
                i32.load
                i32.eqz
                if ;; label = @8
                  local.get 18
                  local.get 16
                  i32.const 16
                  i32.mul
                  i32.add
                  local.set 19
                  local.get 14
                  local.get 15
                  i32.const 16
                  i32.mul
                  i32.add
                  local.set 20
                  local.get 19
                  local.get 20
                  i64.load
                  i64.store
                  local.get 19
                  local.get 20
                  i64.load offset=8
                  i64.store offset=8
                  local.get 16
                  i32.const 1
                  i32.add
                  local.set 16
                end
                local.get 15
                i32.const 1
                i32.add
                local.set 15
                br 0 (;@7;)
              end
            end
          else
            i32.const 0
            local.set 16
            block ;; label = @6
              loop ;; label = @7
                local.get 8
                local.get 16
                i32.sub
                i32.const 8
                i32.lt_u
                br_if 1 (;@6;)
                local.get 18
                local.get 16
                i32.add
                local.get 14
                local.get 16
                i32.add
                i64.load
                i64.store
                local.get 16
                i32.const 8
                i32.add
                local.set 16
                br 0 (;@7;)
              end
            end
          end
          local.get 12
          i32.const 1
          i32.add
          local.set 12
        end
        local.get 13
        i32.const 1
        i32.add
        local.set 13
        br 0 (;@3;)
      end
    end
  end
  local.get 10
  local.get 12
  local.get 7
  i32.const 0
  call $sort_ranked
  i32.eqz
  if ;; label = @1
    local.get 12
    i32.const 4
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.set 11
    i32.const 0
    local.set 13
    block ;; label = @2
      loop ;; label = @3
        local.get 13
        local.get 12
        i32.ge_u
        br_if 1 (;@2;)
        local.get 11
        local.get 13
        i32.const 4
        i32.mul
        i32.add
        local.get 10
        local.get 13
        local.get 8
        i32.mul
        i32.add
        i32.store
        local.get 13
        i32.const 1
        i32.add
        local.set 13
        br 0 (;@3;)
      end
    end
    local.get 11
    local.get 12
    local.get 7
    i32.const 0
    call $sort
    local.get 12
    local.get 8
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $alloc
    local.set 9
    i32.const 0
    local.set 13
    block ;; label = @2
      loop ;; label = @3
        local.get 13
        local.get 12
        i32.ge_u
        br_if 1 (;@2;)
        local.get 9
        local.get 13
        local.get 8
        i32.mul
        i32.add
        local.get 11
        local.get 13
        i32.const 4
        i32.mul
        i32.add
        i32.load
        local.get 8
        memory.copy
        local.get 13
        i32.const 1
        i32.add
        local.set 13
        br 0 (;@3;)
      end
    end
    local.get 10
    local.get 9
    local.get 12
    local.get 8
    i32.mul
    memory.copy
  end
  local.get 10
  local.get 12
  local.get 8
  i32.mul
  i32.add
  global.set 0
  local.get 3
  local.get 12
  i32.store
  local.get 3
  local.get 10
  i32.store offset=4
)
