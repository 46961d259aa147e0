;; `sort`: merge sort of row pointers by `cmp_vals`.
;;! function sort
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $sort (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0
  local.set 4
  local.get 1
  i32.const 4
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.set 5
  i32.const 1
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 1
      i32.ge_u
      br_if 1 (;@1;)
      local.get 6
      i32.const 1
      i32.shl
      local.set 7
      i32.const 0
      local.set 8
      block ;; label = @3
        loop ;; label = @4
          local.get 8
          local.get 1
          i32.ge_u
          br_if 1 (;@3;)
          local.get 8
          local.get 6
          i32.add
          local.get 1
          local.get 8
          local.get 6
          i32.add
          local.get 1
          i32.lt_u
          select
          local.tee 9
          local.set 12
          local.get 8
          local.get 7
          i32.add
          local.get 1
          local.get 8
          local.get 7
          i32.add
          local.get 1
          i32.lt_u
          select
          local.set 10
          local.get 8
          local.tee 11
          local.set 13
          block ;; label = @5
            loop ;; label = @6
              local.get 13
              local.get 10
              i32.ge_u
              br_if 1 (;@5;)
              local.get 11
              local.get 9
              i32.lt_u
              if (result i32) ;; label = @7
                local.get 12
                local.get 10
                i32.ge_u
                if (result i32) ;; label = @8
                  i32.const 1
                else
                  local.get 4
                  local.get 11
                  i32.const 4
                  i32.mul
                  i32.add
                  i32.load
                  local.get 4
                  local.get 12
                  i32.const 4
                  i32.mul
                  i32.add
                  i32.load
                  local.get 2
                  i32.const 0
                  call $cmp_vals
                  i32.const 0
                  i32.le_s
                end
              else
                i32.const 0
              end
              local.tee 14
              if ;; label = @7
                local.get 5
                local.get 13
                i32.const 4
                i32.mul
                i32.add
                local.get 4
                local.get 11
                i32.const 4
                i32.mul
                i32.add
                i32.load
                i32.store
                local.get 11
                i32.const 1
                i32.add
                local.set 11
              else
                local.get 5
                local.get 13
                i32.const 4
                i32.mul
                i32.add
                local.get 4
                local.get 12
                i32.const 4
                i32.mul
                i32.add
                i32.load
                i32.store
                local.get 12
                i32.const 1
                i32.add
                local.set 12
              end
              local.get 13
              i32.const 1
              i32.add
              local.set 13
              br 0 (;@6;)
            end
          end
          local.get 8
          local.get 7
          i32.add
          i32.const 1
          i32.sub
          local.set 8
          local.get 8
          i32.const 1
          i32.add
          local.set 8
          br 0 (;@4;)
        end
      end
      local.get 4
      local.get 5
      local.set 4
      local.set 5
      local.get 6
      i32.const 1
      i32.sub
      local.get 6
      i32.add
      local.set 6
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 4
  local.get 0
  i32.ne
  if ;; label = @1
    local.get 0
    local.get 4
    local.get 1
    i32.const 4
    i32.mul
    memory.copy
  end
)
