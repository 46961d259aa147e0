//! The `bytelogic` binary's allocator (docs/decisions.md 147): the system allocator for
//! everything but large blocks, which get a mapping of their own marked for 2 MiB pages.
//!
//! A fixpoint that derives a few hundred thousand tuples touches its tables once; on
//! 4 KiB pages the kernel takes a fault for each page, about 3 µs apiece here. Where
//! transparent huge pages are in `madvise` mode (a common default) the kernel backs a
//! mapping with 2 MiB pages only when asked, so a block of [`LARGE`] bytes or more is
//! mapped on its own and asked: one fault where there were 512. Growing such a block
//! remaps it (no copy), and freeing it unmaps it, so the process's memory stays what it
//! holds (the memory-limit tests measure that). Linux only; elsewhere, and for blocks
//! aligned beyond a page, the system allocator does everything.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};

/// The allocator (installed in `main.rs`).
pub struct HugeBlocks;

/// Blocks from this size on are mapped on their own.
const LARGE: usize = 2 << 20;

/// A huge page: mappings are whole multiples of it, so the kernel can place and back
/// them on huge pages.
const HUGE_PAGE: usize = 2 << 20;

/// Whether a block of `size` bytes aligned to `align` is mapped on its own.
fn large(size: usize, align: usize) -> bool {
    cfg!(target_os = "linux") && size >= LARGE && align <= 4096
}

/// The length of the mapping that holds `size` bytes.
fn mapped(size: usize) -> usize {
    size.next_multiple_of(HUGE_PAGE)
}

// SAFETY (the whole impl): small blocks go to `System` with the caller's layout
// unchanged. A large block is a private anonymous mapping of `mapped(size)` bytes, which
// is page-aligned (so any `align <= 4096` holds) and zero-filled; `dealloc` and `realloc`
// receive the layout the block was allocated with (GlobalAlloc's contract), so they
// recompute the same mapping length and never touch another mapping.
unsafe impl GlobalAlloc for HugeBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if large(layout.size(), layout.align()) {
            map(mapped(layout.size()))
        } else {
            // SAFETY: as the caller's.
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if large(layout.size(), layout.align()) {
            // A new anonymous mapping is zero-filled.
            map(mapped(layout.size()))
        } else {
            // SAFETY: as the caller's.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if large(layout.size(), layout.align()) {
            unmap(ptr, mapped(layout.size()));
        } else {
            // SAFETY: as the caller's.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        match (large(layout.size(), align), large(new_size, align)) {
            // SAFETY: as the caller's.
            (false, false) => unsafe { System.realloc(ptr, layout, new_size) },
            (true, true) => remap(ptr, mapped(layout.size()), mapped(new_size)),
            _ => {
                // SAFETY: `new_size` is non-zero and fits `align` (the caller's
                // contract), so the new layout is valid.
                let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, align) };
                // SAFETY: as `alloc`.
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    // SAFETY: both blocks hold at least the bytes copied and are
                    // distinct; the old one is freed with its own layout.
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
    }
}

/// A new mapping of `len` bytes asked to be backed by huge pages (null on failure).
#[cfg(target_os = "linux")]
fn map(len: usize) -> *mut u8 {
    use rustix::mm::{Advice, MapFlags, ProtFlags, madvise, mmap_anonymous};
    // SAFETY: a fresh private anonymous mapping aliases nothing.
    let Ok(ptr) = (unsafe {
        mmap_anonymous(
            std::ptr::null_mut(),
            len,
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE,
        )
    }) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the advice changes how the new mapping's pages are backed, not what they
    // hold; where it fails the pages stay small.
    let _ = unsafe { madvise(ptr, len, Advice::LinuxHugepage) };
    ptr.cast()
}

/// Unmaps a block made by [`map`] or [`remap`].
#[cfg(target_os = "linux")]
fn unmap(ptr: *mut u8, len: usize) {
    // SAFETY: `ptr..ptr + len` is exactly one block's mapping, no longer in use. A
    // failure leaves the mapping in place (a leak, never a dangling use).
    let _ = unsafe { rustix::mm::munmap(ptr.cast(), len) };
}

/// Grows or shrinks a block's mapping, moving it if it must (null on failure, the old
/// block intact).
#[cfg(target_os = "linux")]
fn remap(ptr: *mut u8, len: usize, new_len: usize) -> *mut u8 {
    if len == new_len {
        return ptr;
    }
    // SAFETY: `ptr..ptr + len` is exactly one block's mapping; the kernel moves its
    // pages (and their huge-page advice) without copying them.
    match unsafe { rustix::mm::mremap(ptr.cast(), len, new_len, rustix::mm::MremapFlags::MAYMOVE) }
    {
        Ok(moved) => moved.cast(),
        Err(_) => std::ptr::null_mut(),
    }
}

#[cfg(not(target_os = "linux"))]
fn map(_: usize) -> *mut u8 {
    unreachable!("large blocks are mapped on Linux only")
}

#[cfg(not(target_os = "linux"))]
fn unmap(_: *mut u8, _: usize) {
    unreachable!("large blocks are mapped on Linux only")
}

#[cfg(not(target_os = "linux"))]
fn remap(_: *mut u8, _: usize, _: usize) -> *mut u8 {
    unreachable!("large blocks are mapped on Linux only")
}
