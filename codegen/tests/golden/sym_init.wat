;; `sym_init`: the Symbol table starts with the IR's Symbols.
;;! function sym_init
;;! | RESULT 1 + 2
(func $sym_init (param i32 i32 i32 i32)
  (local i32 i32)
  i32.const 752
  global.set 13
  i32.const 0
  local.tee 5
  global.set 15
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      i32.const 8
      i32.mul
      i32.load offset=752
      local.get 4
      i32.const 8
      i32.mul
      i32.load offset=756
      i32.const 0
      i32.const 0
      call $intern
      drop
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
)
