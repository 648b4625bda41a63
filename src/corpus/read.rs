//! Reading an untrusted file whole, without trusting what the file system says about it.
//!
//! A folder of articles may hold anything: a FIFO (which blocks a reader until someone
//! writes), a link to a device, or a link into `/proc`, whose files report a size of 0 and
//! then read without end (`/proc/self/pagemap`) or block forever (`/proc/kmsg`). So
//! [`read_regular`] opens without blocking, checks the file it opened (not the name, which
//! may change in between), refuses anything but a regular file on a real file system, and
//! stops reading at the limit whatever size the file reported.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read: {}", super::io_reason(.0))]
    Io(#[from] std::io::Error),
    /// Larger than the limit, by its reported size or by what it gave when read.
    #[error("larger than {} MB", .0 / (1024 * 1024))]
    TooLarge(u64),
    /// A FIFO, socket or device: not an article, and reading one may never end.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    /// A file of `/proc`, `/sys` and the like, which the kernel makes up as it is read.
    #[error("a system file (/proc, /sys), not an article")]
    SystemFile,
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Checked before opening too: opening a FIFO may wait for a writer where O_NONBLOCK is
    // not available.
    check_kind(&std::fs::metadata(path)?)?;
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO swapped in after the check opens without waiting, and a terminal device
        // does not become our controlling terminal.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    check_kind(&meta)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    if is_system_file(&file) {
        return Err(ReadError::SystemFile);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Refuses anything but a regular file, naming what it is.
pub fn check_kind(meta: &Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(ReadError::NotRegular("a folder"));
    }
    Err(ReadError::NotRegular(kind_name(meta)))
}

/// What a file that is neither regular nor a folder is, in a user's words.
pub fn kind_name(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}

/// Returns true if and only if `file` lives on a file system the kernel makes up (procfs,
/// sysfs, debugfs and kin), whose "regular" files report no true size.
#[cfg(target_os = "linux")]
fn is_system_file(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    // The f_type values of the pseudo file systems (see statfs(2)).
    const PSEUDO: [u64; 11] = [
        0x9fa0,      // proc
        0x6265_6572, // sysfs
        0x6462_6720, // debugfs
        0x7472_6163, // tracefs
        0x7363_6673, // securityfs
        0x0027_e0eb, // cgroup
        0x6367_7270, // cgroup2
        0xcafe_4a11, // bpf
        0x6265_6570, // configfs
        0xde5e_81e4, // efivarfs
        0x6e73_6673, // nsfs
    ];
    let mut stat = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: the descriptor is open for the call's duration, and `stat` is a buffer of the
    // size fstatfs writes; it is read only when the call succeeded.
    let stat = unsafe {
        if libc::fstatfs(file.as_raw_fd(), stat.as_mut_ptr()) != 0 {
            return false;
        }
        stat.assume_init()
    };
    #[allow(clippy::unnecessary_cast)] // f_type's type differs between platforms
    let kind = (stat.f_type as u64) & 0xffff_ffff;
    PSEUDO.contains(&kind)
}

#[cfg(not(target_os = "linux"))]
fn is_system_file(_file: &File) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "twelve bytes").unwrap();
        assert_eq!(read_regular(&path, 12).unwrap(), b"twelve bytes");
        assert!(matches!(
            read_regular(&path, 11),
            Err(ReadError::TooLarge(11))
        ));
        assert!(matches!(
            read_regular(dir.path(), 11),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn proc_files_and_devices_are_refused_unread() {
        let err = read_regular(Path::new("/proc/self/pagemap"), 1 << 20).unwrap_err();
        assert!(matches!(err, ReadError::SystemFile), "{err}");
        let err = read_regular(Path::new("/proc/self/status"), 1 << 20).unwrap_err();
        assert!(matches!(err, ReadError::SystemFile), "{err}");
        let err = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a device)");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_regular(&path, 1 << 20).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a FIFO)");
    }
}
