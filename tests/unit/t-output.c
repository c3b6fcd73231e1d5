/*
 * Unit tests for output_files(): files are created with the mode asked
 * (whatever the umask), an existing file is replaced by rename (a reader
 * holding the old file keeps the old content), no temporary is left
 * behind, and a failure anywhere in the set writes nothing at all.
 * Everything happens in a fresh mkdtemp directory, removed at the end.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "output.h"
#include "tap.h"
#include "xmalloc.h"

static char	*path_in(const char *);
static void	 put(const char *, const char *, mode_t);
static char	*get(const char *);
static int	 dir_count(const char *, int *);
static void	 rm_tree(const char *);
static void	 t_create(void);
static void	 t_replace(void);
static void	 t_fail_missing_dir(void);
static void	 t_fail_directory(void);
static void	 t_fail_rename(void);
static void	 t_empty_set(void);

static char	dir[4096];

static char *
path_in(const char *name)
{
	char	*p;

	xasprintf(&p, "%s/%s", dir, name);
	return p;
}

/* Create a file with known content and mode, outside output_files(). */
static void
put(const char *path, const char *text, mode_t mode)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)) == -1) {
		diag("%s: %s", path, strerror(errno));
		return;
	}
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		diag("%s: short write", path);
	fchmod(fd, mode);
	close(fd);
}

/* The whole content of a file, or NULL if it cannot be read. */
static char *
get(const char *path)
{
	char	 chunk[4096];
	char	*s;
	size_t	 len = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	s = xstrdup("");
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		s = xreallocarray(s, len + (size_t)n + 1, 1);
		memcpy(s + len, chunk, (size_t)n);
		len += (size_t)n;
		s[len] = '\0';
	}
	close(fd);
	return s;
}

/* Entries in d besides . and ..; *temps counts names starting with '.'. */
static int
dir_count(const char *d, int *temps)
{
	DIR		*dp;
	struct dirent	*de;
	int		 n = 0;

	*temps = 0;
	if ((dp = opendir(d)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		if (de->d_name[0] == '.') {
			(*temps)++;
			diag("left behind: %s", de->d_name);
		}
	}
	closedir(dp);
	return n;
}

/* Remove d and what it holds (one level of subdirectories). */
static void
rm_tree(const char *d)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	char		*p;

	if ((dp = opendir(d)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		xasprintf(&p, "%s/%s", d, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rm_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(dp);
	rmdir(d);
}

static void
t_create(void)
{
	struct out_file	 f[2];
	struct cgw_err	 err;
	struct stat	 st;
	char		*s;
	int		 temps;

	memset(&err, 0, sizeof(err));
	f[0].path = path_in("swanctl.conf");
	f[0].data = "connections {\n}\n";
	f[0].len = strlen(f[0].data);
	f[1].path = path_in("secrets.conf");
	f[1].data = "secret\0with NUL";
	f[1].len = 15;
	is_int(output_files(f, 2, 0600, &err), 0, "create: two files");
	is_int(err.code, CGW_E_NONE, "create: no error");
	ok(stat(f[0].path, &st) == 0, "create: first file exists");
	is_int(st.st_mode & 07777, 0600, "create: first file mode 0600 "
	    "under umask 022");
	ok(S_ISREG(st.st_mode), "create: a regular file");
	ok(stat(f[1].path, &st) == 0, "create: second file exists");
	is_int(st.st_mode & 07777, 0600, "create: second file mode 0600");
	is_int((long long)st.st_size, 15, "create: size includes the NUL");
	s = get(f[0].path);
	is_str(s, "connections {\n}\n", "create: first file content");
	free(s);
	s = get(f[1].path);
	ok(s != NULL && memcmp(s, "secret\0with NUL", 15) == 0,
	    "create: second file content, byte for byte");
	free(s);
	is_int(dir_count(dir, &temps), 2, "create: only the two files in "
	    "the directory");
	is_int(temps, 0, "create: no temporary left");

	f[0].data = "";
	f[0].len = 0;
	is_int(output_files(f, 1, 0644, &err), 0, "create: mode 0644, empty");
	ok(stat(f[0].path, &st) == 0 && (st.st_mode & 07777) == 0644,
	    "create: mode 0644 given is 0644");
	is_int((long long)st.st_size, 0, "create: empty file");
	umask(0777);
	is_int(output_files(f, 1, 0640, &err), 0, "create: umask 0777");
	ok(stat(f[0].path, &st) == 0 && (st.st_mode & 07777) == 0640,
	    "create: the mode does not depend on the umask");
	umask(022);
	unlink(f[0].path);
	unlink(f[1].path);
	free(f[0].path);
	free(f[1].path);
}

static void
t_replace(void)
{
	struct out_file	 f;
	struct cgw_err	 err;
	struct stat	 before, after;
	char		 old[64];
	ssize_t		 n;
	char		*s;
	int		 fd, temps;

	memset(&err, 0, sizeof(err));
	f.path = path_in("ipsec.conf");
	put(f.path, "old content\n", 0644);
	stat(f.path, &before);
	fd = open(f.path, O_RDONLY);
	f.data = "new content, longer than the old\n";
	f.len = strlen(f.data);
	is_int(output_files(&f, 1, 0600, &err), 0, "replace: succeeds");
	s = get(f.path);
	is_str(s, "new content, longer than the old\n", "replace: the path "
	    "holds the new content");
	free(s);
	ok(stat(f.path, &after) == 0 && (after.st_mode & 07777) == 0600,
	    "replace: the new file has mode 0600");
	ok(before.st_ino != after.st_ino, "replace: a new inode was renamed "
	    "into place");
	memset(old, 0, sizeof(old));
	n = fd == -1 ? -1 : pread(fd, old, sizeof(old) - 1, 0);
	ok(n == 12, "replace: the old file was not truncated");
	is_str(old, "old content\n", "replace: a reader of the old file still "
	    "sees the old content");
	if (fd != -1)
		close(fd);
	is_int(dir_count(dir, &temps), 1, "replace: one file in the "
	    "directory");
	is_int(temps, 0, "replace: no temporary left");
	unlink(f.path);
	free(f.path);
}

static void
t_fail_missing_dir(void)
{
	struct out_file	 f[2];
	struct cgw_err	 err;
	struct stat	 before, after;
	char		*s;
	int		 temps;

	memset(&err, 0, sizeof(err));
	f[0].path = path_in("a.conf");
	f[0].data = "new a\n";
	f[0].len = 6;
	f[1].path = path_in("missing/b.conf");
	f[1].data = "new b\n";
	f[1].len = 6;
	put(f[0].path, "old a\n", 0644);
	stat(f[0].path, &before);
	is_int(output_files(f, 2, 0600, &err), -1, "missing dir: fails");
	is_int(err.code, CGW_E_SYS, "missing dir: CGW_E_SYS");
	ok(strstr(err.msg, "missing/b.conf") != NULL, "missing dir: message "
	    "names the file: %s", err.msg);
	s = get(f[0].path);
	is_str(s, "old a\n", "missing dir: the first file keeps its content");
	free(s);
	ok(stat(f[0].path, &after) == 0 && after.st_ino == before.st_ino &&
	    (after.st_mode & 07777) == 0644, "missing dir: the first file is "
	    "the same file, mode unchanged");
	is_int(dir_count(dir, &temps), 1, "missing dir: nothing added");
	is_int(temps, 0, "missing dir: no temporary left");

	unlink(f[0].path);
	memset(&err, 0, sizeof(err));
	is_int(output_files(f, 2, 0600, &err), -1, "missing dir: fails "
	    "without an old file");
	ok(access(f[0].path, F_OK) == -1 && errno == ENOENT,
	    "missing dir: the first file was not created");
	is_int(dir_count(dir, &temps), 0, "missing dir: directory still "
	    "empty");
	free(f[0].path);
	free(f[1].path);
}

static void
t_fail_directory(void)
{
	struct out_file	 f[3];
	struct cgw_err	 err;
	struct stat	 st;
	char		*s;
	int		 temps;

	memset(&err, 0, sizeof(err));
	f[0].path = path_in("a.conf");
	f[0].data = "new a\n";
	f[0].len = 6;
	f[1].path = path_in("c.conf");
	f[1].data = "new c\n";
	f[1].len = 6;
	f[2].path = path_in("sub");
	f[2].data = "new sub\n";
	f[2].len = 8;
	put(f[0].path, "old a\n", 0644);
	mkdir(f[2].path, 0755);
	is_int(output_files(f, 3, 0600, &err), -1, "directory: fails");
	is_int(err.code, CGW_E_USAGE, "directory: CGW_E_USAGE");
	ok(strstr(err.msg, "sub is a directory") != NULL, "directory: "
	    "message: %s", err.msg);
	s = get(f[0].path);
	is_str(s, "old a\n", "directory: the first file is untouched");
	free(s);
	ok(access(f[1].path, F_OK) == -1, "directory: the second file was "
	    "not created");
	ok(stat(f[2].path, &st) == 0 && S_ISDIR(st.st_mode),
	    "directory: the directory is still a directory");
	is_int(dir_count(dir, &temps), 2, "directory: a.conf and sub only");
	is_int(temps, 0, "directory: no temporary left");

	memset(&err, 0, sizeof(err));
	is_int(output_files(&f[2], 1, 0600, &err), -1, "directory: first "
	    "and only path a directory fails");
	is_int(dir_count(dir, &temps), 2, "directory: nothing added");
	rmdir(f[2].path);
	unlink(f[0].path);
	free(f[0].path);
	free(f[1].path);
	free(f[2].path);
}

/*
 * A path the temporary cannot be renamed to (a trailing slash after a
 * file name): the failure comes at the rename step, after the first
 * file of the set could already have been renamed into place.
 */
static void
t_fail_rename(void)
{
	struct out_file	 f[2];
	struct cgw_err	 err;
	char		*s;
	int		 temps;

	memset(&err, 0, sizeof(err));
	f[0].path = path_in("a.conf");
	f[0].data = "new a\n";
	f[0].len = 6;
	f[1].path = path_in("b.conf/");
	f[1].data = "new b\n";
	f[1].len = 6;
	put(f[0].path, "old a\n", 0644);
	is_int(output_files(f, 2, 0600, &err), -1, "rename: fails");
	ok(strstr(err.msg, "b.conf/") != NULL, "rename: message names the "
	    "path: %s", err.msg);
	s = get(f[0].path);
	is_str(s, "old a\n", "rename: the first file of the set is "
	    "untouched");
	free(s);
	is_int(dir_count(dir, &temps), 1, "rename: nothing added");
	is_int(temps, 0, "rename: no temporary left");
	unlink(f[0].path);
	free(f[0].path);
	free(f[1].path);
}

static void
t_empty_set(void)
{
	struct cgw_err	err;
	int		temps;

	memset(&err, 0, sizeof(err));
	is_int(output_files(NULL, 0, 0600, &err), 0, "empty set: succeeds");
	is_int(dir_count(dir, &temps), 0, "empty set: writes nothing");
}

int
main(void)
{
	const char	*tmp;

	umask(022);
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/t-output.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		skip_all("mkdtemp %s: %s", dir, strerror(errno));
	t_create();
	t_replace();
	t_fail_missing_dir();
	t_fail_directory();
	t_fail_rename();
	t_empty_set();
	rm_tree(dir);
	ok(access(dir, F_OK) == -1, "the test directory was removed");
	return done_testing();
}
