-- texreport sandbox for LuaLaTeX.
--
-- (Longer than the house's 250 lines on purpose: one file that replaces every LuaTeX library function that opens a
-- file by name, so that the whole rule can be read and reviewed in one place.)
--
-- The plugin starts lualatex with --lua=<this file>. LuaTeX runs such a script before it loads the format, so every
-- function below is replaced before LaTeX's own Lua code (ltluatex), lualibs and luaotfload load. That order is the
-- point: those libraries keep private copies of io.open, lfs.attributes and friends when they load, and a document
-- could otherwise reach the originals through helpers such as io.loaddata or io.savedata. Loading the sandbox from
-- the first line of main.tex would be too late for that reason.
--
-- The rule is the one TeX itself follows with openin_any=p and openout_any=p: read only the working directory, the
-- project's report sources and the TeX installation; write only into the working directory (and luaotfload's cache,
-- which the plugin gives each project a directory of its own for). The plugin writes `local texreport_roots = {...}`
-- in front of this text: workdir, read, write and installation (the read folders of the TeX installation), each an
-- absolute directory without a trailing slash, and protected (files in the working directory nothing may write).
--
-- A refused operation fails the way a missing file fails (nil and a message, or a Lua error where the original
-- raises), and is written to the log as a line starting with "texreport sandbox: refused", which the plugin reports.

local roots = texreport_roots
texreport_roots = nil

local type, tostring, select, error, pairs, pcall = type, tostring, select, error, pairs, pcall
local sfind, ssub, sgsub, sgmatch, sformat, sbyte = string.find, string.sub, string.gsub, string.gmatch,
    string.format, string.byte
local tconcat = table.concat
local texio_write_nl = texio.write_nl

local REFUSED = "texreport sandbox: refused "

-- The absolute form of a file name, or nil when it cannot be judged. Names with a ".." component are never allowed:
-- they are how a relative name leaves a directory, and no document needs them.
local function absolute(name)
    if type(name) ~= "string" or name == "" or sfind(name, "\0", 1, true) then
        return nil
    end
    local full = sbyte(name, 1) == 47 and name or (roots.workdir .. "/" .. name)
    local parts = {}
    for part in sgmatch(full, "[^/]+") do
        if part == ".." then
            return nil
        end
        if part ~= "." then
            parts[#parts + 1] = part
        end
    end
    return "/" .. tconcat(parts, "/")
end

local function within(path, list)
    for i = 1, #list do
        local root = list[i]
        if path == root or ssub(path, 1, #root + 1) == root .. "/" then
            return true
        end
    end
    return false
end

local function readable(name)
    local path = absolute(name)
    return path ~= nil and within(path, roots.read)
end

-- roots.protected: files of the working directory the document must not write, remove or rename, above all the
-- -recorder list (<job>.fls) that the plugin checks after the run; TeX itself keeps writing it.
local protected = {}
for i = 1, #(roots.protected or {}) do
    protected[roots.protected[i]] = true
end

local function writable(name)
    local path = absolute(name)
    return path ~= nil and within(path, roots.write) and not protected[path]
end

-- Logs the refusal and returns the message, so callers can hand it back as Lua's own error value. Not logged:
-- attempts to run a program (lualibs asks for `tput cols` in every run, and with shell escape off LuaTeX would not
-- run it anyway) and reads of files that do not exist (luaotfload looks for fontconfig's files in several places).
local lfs_attributes = lfs.attributes
local function refuse(action, name)
    local message = sformat("%s%s %q: a report may read only its own sources and the TeX installation, and write "
        .. "only into its build directory", REFUSED, action, tostring(name))
    local reading = sfind(action, "^reading") or sfind(action, "^loading")
    local missing = reading and type(name) == "string" and not sfind(name, "\0", 1, true) and
        lfs_attributes(name, "mode") == nil
    if action ~= "running" and not missing then
        texio_write_nl("log", message)
        texio_write_nl("log", "")
    end
    return message
end

-- Like refuse, but raises the way the replaced function does when it cannot open a file.
local function raise(action, name)
    error(refuse(action, name), 3)
end

---------------------------------------------------------------------------------------------------------------------
-- io

local io_open, io_lines, io_input, io_output = io.open, io.lines, io.input, io.output

function io.open(name, mode)
    if type(mode) == "string" and sfind(mode, "[wa+]") then
        if not writable(name) then
            return nil, refuse("writing", name)
        end
    elseif not readable(name) then
        return nil, refuse("reading", name)
    end
    if mode == nil then
        return io_open(name)
    end
    return io_open(name, mode)
end

function io.lines(name, ...)
    if name == nil then
        return io_lines()
    end
    if not readable(name) then
        raise("reading", name)
    end
    return io_lines(name, ...)
end

-- io.input and io.output: a file name is checked; an open file, or no argument (the current file), passes as it is.
local function checked_default(original, allowed, doing)
    return function(file)
        if type(file) == "string" and not allowed(file) then
            raise(doing, file)
        end
        if file == nil then
            return original()
        end
        return original(file)
    end
end
io.input = checked_default(io_input, readable, "reading")
io.output = checked_default(io_output, writable, "writing")

-- Pipes start programs; temporary files live outside the working directory.
function io.popen(command)
    return nil, refuse("running", command)
end

function io.tmpfile()
    return nil, refuse("creating", "a temporary file")
end

---------------------------------------------------------------------------------------------------------------------
-- os: no programs, no environment changes (kpathsea reads openin_any and friends from the environment), no files
-- outside the working directory.

local os_remove, os_rename = os.remove, os.rename

function os.remove(name)
    if not writable(name) then
        return nil, refuse("removing", name)
    end
    return os_remove(name)
end

function os.rename(from, to)
    if not writable(from) then
        return nil, refuse("renaming", from)
    end
    if not writable(to) then
        return nil, refuse("renaming to", to)
    end
    return os_rename(from, to)
end

function os.execute(command)
    if command == nil then
        return false
    end
    return nil, refuse("running", command)
end

for _, name in pairs({ "exec", "spawn", "kpsepopen" }) do
    if os[name] then
        os[name] = function(command)
            return nil, refuse("running", command)
        end
    end
end

for _, name in pairs({ "setenv", "tmpname", "tmpdir" }) do
    if os[name] then
        os[name] = function(what)
            return nil, refuse("os." .. name, what)
        end
    end
end

---------------------------------------------------------------------------------------------------------------------
-- Loading Lua code: text, or bytecode this very run compiled. Other bytecode is refused because malformed bytecode
-- can break out of Lua's memory safety, and because a document can write files (luaotfload's cache keeps .luc
-- files) that a later run would load. lualibs compiles its formatters with load(string.dump(load(text))), so the
-- chunks string.dump produced are remembered and may be loaded again.

local loadfile_, load_, string_dump = loadfile, load, string.dump
local dumped = {}

function string.dump(...)
    local chunk = string_dump(...)
    dumped[chunk] = true
    return chunk
end

local function loadfile_checked(name, env, has_env)
    if name == nil then
        return nil, refuse("reading", "standard input")
    end
    if not readable(name) then
        return nil, refuse("loading", name)
    end
    if has_env then
        return loadfile_(name, "t", env)
    end
    return loadfile_(name, "t")
end

-- Lua's loadfile and load treat an explicit nil environment differently from a missing one: pass on only what
-- was given.
function loadfile(...)
    local name, _, env = ...
    return loadfile_checked(name, env, select("#", ...) >= 3)
end

function dofile(name)
    local chunk, message = loadfile_checked(name, nil, false)
    if not chunk then
        error(message, 2)
    end
    return chunk()
end

function load(...)
    local chunk, chunkname, _, env = ...
    if type(chunk) == "function" then
        -- A reader function: collect its pieces so that the whole chunk can be judged.
        local pieces = {}
        while true do
            local piece = chunk()
            if piece == nil or piece == "" then
                break
            end
            pieces[#pieces + 1] = piece
        end
        chunk = tconcat(pieces)
    end
    local mode = "t"
    if type(chunk) == "string" and dumped[chunk] then
        mode = "b"
    end
    if select("#", ...) >= 4 then
        return load_(chunk, chunkname, mode, env)
    end
    return load_(chunk, chunkname, mode)
end

loadstring = load

-- require: LuaTeX's own searcher finds modules with kpathsea and loads them with bytecode allowed; this one finds
-- them the same way and loads text only. C modules run native code and are refused outright.
local kpse_find_file, kpse_record_input_file = kpse.find_file, kpse.record_input_file
local kpse_record_output_file = kpse.record_output_file

local function lua_searcher(module)
    if type(module) ~= "string" then
        return "\n\t[texreport sandbox] module name is not a string"
    end
    local found = kpse_find_file((sgsub(module, "%.", "/")), "lua") or kpse_find_file(module, "lua")
    if not found then
        return sformat("\n\t[kpse lua searcher] file not found: '%s'", module)
    end
    local chunk, message = loadfile_checked(found, nil, false)
    if not chunk then
        error(sformat("error loading module %s from file %s:\n\t%s", module, found, tostring(message)), 2)
    end
    if kpse_record_input_file then
        kpse_record_input_file(found)
    end
    return chunk, found
end

local function no_c_modules(module)
    return "\n\t" .. refuse("loading the C module", module)
end

package.searchers[2] = lua_searcher
package.searchers[3] = no_c_modules
package.searchers[4] = no_c_modules
package.loadlib = nil
package.cpath = ""
-- LuaTeX's own start-up code (luatex-core.lua, run after this script) strips the ffi library when shell escape is
-- off; it needs require("ffi") to work for that, so ffi is removed again in start_run below.

-- The debug library reads and changes other functions' local variables and upvalues, which would reach the
-- originals kept above. LaTeX and luaotfload use only these two; getinfo loses its "func" field, which would hand
-- a callback the original C function that called it (img.scan calling find_image_file, for instance).
local debug_getinfo = debug.getinfo
debug = {
    traceback = debug.traceback,
    getinfo = function(...)
        local info = debug_getinfo(...)
        if type(info) == "table" then
            info.func = nil
        end
        return info
    end,
}
package.loaded.debug = debug

---------------------------------------------------------------------------------------------------------------------
-- lfs: looking is allowed where reading is; changing only where writing is. chdir would move every relative name
-- (TeX's own \openout included) somewhere else; link could point a name in the working directory anywhere.

-- failing: "raise" raises like the original does, "false" answers false, "quiet" answers nil without a log line
-- (questions about a file's existence are asked all the time by luaotfload's font search, and refusing them is
-- enough), otherwise nil and the message.
local function guard_read(library, name, failing)
    local original = library[name]
    if original then
        library[name] = function(path, ...)
            if not readable(path) then
                if failing == "raise" then
                    raise("reading", path)
                elseif failing == "false" then
                    return false
                elseif failing == "quiet" then
                    return nil, "texreport sandbox: not allowed"
                end
                return nil, refuse("reading", path)
            end
            return original(path, ...)
        end
    end
end

local function guard_write(library, name, action)
    local original = library[name]
    if original then
        library[name] = function(path, ...)
            if not writable(path) then
                return nil, refuse(action, path)
            end
            return original(path, ...)
        end
    end
end

guard_read(lfs, "attributes", "quiet")
guard_read(lfs, "symlinkattributes", "quiet")
guard_read(lfs, "readlink", "quiet")
guard_read(lfs, "isdir", "false")
guard_read(lfs, "isfile", "false")
guard_read(lfs, "dir", "raise")
-- lualibs' mkdirs and luaotfload create a cache folder one component at a time from the root, so they ask to
-- create the folders above an allowed one, which exist: those are answered like the file system would, unlogged.
local function above_a_write_root(path)
    local full = absolute(path)
    if full == nil then
        return false
    end
    for i = 1, #roots.write do
        local root = roots.write[i]
        if ssub(root, 1, #full + 1) == full .. "/" then
            return true
        end
    end
    return false
end
local lfs_mkdir = lfs.mkdir
lfs.mkdir = function(path, ...)
    if not writable(path) and above_a_write_root(path) then
        return nil, "File exists"
    end
    if not writable(path) then
        return nil, refuse("creating the folder", path)
    end
    return lfs_mkdir(path, ...)
end
guard_write(lfs, "rmdir", "removing the folder")
guard_write(lfs, "touch", "touching")
guard_write(lfs, "lock_dir", "locking")
lfs.link = function(target, name)
    return nil, refuse("linking", name)
end

-- luaotfload and lualibs change into a folder only to learn its real path, and change back. A real change would
-- move every relative name, TeX's own \openout included, so the process stays in the working directory and the
-- change is only remembered for lfs.currentdir. Relative names keep meaning the working directory.
local lfs_chdir, lfs_currentdir = lfs.chdir, lfs.currentdir
local current = nil

lfs.currentdir = function()
    return current or lfs_currentdir()
end

lfs.chdir = function(path)
    local target = path
    if type(path) == "string" and current ~= nil and sbyte(path, 1) ~= 47 then
        target = current .. "/" .. path
    end
    if not readable(target) then
        return nil, "texreport sandbox: not allowed"
    end
    local ok, message = lfs_chdir(target)
    if not ok then
        return nil, message
    end
    local real = lfs_currentdir()
    if not lfs_chdir(roots.workdir) then
        error("texreport sandbox: cannot return to the working directory " .. roots.workdir)
    end
    if not readable(real) then
        -- A link inside the TeX installation (Debian links CMap and font folders to other system folders) is the
        -- system's, and no document can add one there: its target becomes readable. Elsewhere it is refused.
        if not within(absolute(target) or "", roots.installation) then
            return nil, "texreport sandbox: not allowed"
        end
        roots.read[#roots.read + 1] = real
    end
    current = real ~= roots.workdir and real or nil
    return true
end

---------------------------------------------------------------------------------------------------------------------
-- Libraries that open files by name in C.

guard_read(fontloader, "open", "raise")
guard_read(fontloader, "info")
for _, name in pairs({ "apply_afmfile", "apply_featurefile" }) do
    local original = fontloader[name]
    if original then
        fontloader[name] = function(font, path, ...)
            if not readable(path) then
                raise("reading", path)
            end
            return original(font, path, ...)
        end
    end
end

if pdfe then
    guard_read(pdfe, "open", "raise")
end

if zip then
    guard_read(zip, "open")
    guard_read(zip, "openfile")
end

if gzip then
    local gzip_open = gzip.open
    if gzip_open then
        gzip.open = function(name, mode)
            if type(mode) == "string" and sfind(mode, "[wa+]") then
                if not writable(name) then
                    return nil, refuse("writing", name)
                end
            elseif not readable(name) then
                return nil, refuse("reading", name)
            end
            return gzip_open(name, mode)
        end
    end
    guard_read(gzip, "lines", "raise")
end

if luaharfbuzz then
    -- Blob.new_from_file hands back any file's bytes; Face.new reads a font file.
    if luaharfbuzz.Blob then
        guard_read(luaharfbuzz.Blob, "new_from_file", "raise")
    end
    if luaharfbuzz.Face then
        guard_read(luaharfbuzz.Face, "new", "raise")
    end
end

-- A font table's filename is the file LuaTeX embeds at the end of the run.
local function font_file_allowed(spec)
    if type(spec) == "table" and spec.filename ~= nil and not readable(spec.filename) then
        refuse("embedding the font file", spec.filename)
        return false
    end
    return true
end

for _, name in pairs({ "read_tfm", "read_vf" }) do
    local original = font[name]
    if original then
        font[name] = function(path, ...)
            if type(path) == "string" and sfind(path, "/", 1, true) and not readable(path) then
                raise("reading", path)
            end
            return original(path, ...)
        end
    end
end

local font_define, font_setfont = font.define, font.setfont
font.define = function(...)
    local spec = select(select("#", ...), ...)
    if not font_file_allowed(spec) then
        error(REFUSED .. "a font file outside the project", 2)
    end
    return font_define(...)
end
if font_setfont then
    font.setfont = function(id, spec)
        if not font_file_allowed(spec) then
            error(REFUSED .. "a font file outside the project", 2)
        end
        return font_setfont(id, spec)
    end
end

-- Images: the name may be set in the table given to img.new or later on the image object; it is checked whenever
-- the image is read. Relative names are looked up by find_image_file below.
local function image_name(image)
    if type(image) == "table" then
        return image.filename
    end
    if type(image) == "userdata" then
        local ok, name = pcall(function() return image.filename end)
        if ok then
            return name
        end
    end
    return nil
end

local function image_allowed(image)
    local name = image_name(image)
    if name ~= nil and not (type(name) == "string" and sfind(name, "^data:application/pdf,")) and
            not readable(name) then
        refuse("reading the image", name)
        return false
    end
    return true
end

for _, name in pairs({ "new", "scan", "write", "immediatewrite", "immediatewriteobject", "node", "copy" }) do
    local original = img[name]
    if original then
        img[name] = function(...)
            if not image_allowed((...)) then
                error(REFUSED .. "an image outside the project", 2)
            end
            return original(...)
        end
    end
end

-- MetaPost opens every file (input, readfrom, write ... to, fonts) through the instance's find_file; the result of
-- a document's own finder is checked too.
local mplib_new = mplib.new
mplib.new = function(options)
    local copy = {}
    if type(options) == "table" then
        for key, value in pairs(options) do
            copy[key] = value
        end
    end
    local finder = copy.find_file
    copy.find_file = function(name, mode, kind)
        local found = name
        if finder then
            found = finder(name, mode, kind)
        end
        if found == nil then
            return nil
        end
        if mode == "w" then
            if writable(found) then
                return found
            end
            refuse("MetaPost writing", found)
        elseif readable(found) then
            return found
        else
            refuse("MetaPost reading", found)
        end
        return nil
    end
    return mplib_new(copy)
end

---------------------------------------------------------------------------------------------------------------------
-- Callbacks: a find_*_file callback names the file TeX then opens without asking kpathsea, so openin_any and
-- openout_any no longer apply. Every handler anyone registers is wrapped so that its answer is checked; for the
-- lookups TeX does without openin_any (images, \pdfextension obj file, map files) a checking default is installed.

local callback_register = callback.register

local function checked(name, wanted)
    if name == nil or name == false or name == "" then
        return name
    end
    if wanted == "write" then
        if writable(name) then
            return name
        end
        refuse("writing", name)
    else
        if readable(name) then
            return name
        end
        refuse("reading", name)
    end
    return nil
end

local guards = {
    find_read_file = function(handler)
        return function(id, name)
            return checked(handler(id, name), "read")
        end
    end,
    -- \openout. TeX applies openout_any only when no callback is registered, so the check repeats its rule
    -- (no absolute name outside, no "..", no dot file) and keeps the recorder file out of reach.
    find_write_file = function(handler)
        return function(id, name)
            local found = handler(id, name)
            if type(found) == "string" then
                for part in sgmatch(found, "[^/]+") do
                    if sbyte(part, 1) == 46 and part ~= "." then
                        refuse("writing", found)
                        return nil
                    end
                end
            end
            local allowed = checked(found, "write")
            -- With a find_write_file callback LuaTeX leaves the recorder to it: without this line, .aux and .toc
            -- would be missing from the .fls, and the plugin could not tell when the references settle.
            if type(allowed) == "string" and kpse_record_output_file then
                kpse_record_output_file(allowed)
            end
            return allowed
        end
    end,
    -- For \pdfextension obj file LuaTeX falls back to the name as written when the callback finds nothing, so a
    -- refused name is answered with one that cannot be opened.
    find_data_file = function(handler)
        return function(name, ...)
            local found = handler(name, ...)
            local allowed = checked(found, "read")
            if found ~= nil and found ~= false and allowed == nil then
                return roots.workdir .. "/.texreport-sandbox-refused/" .. sgsub(tostring(found), "[^%w.-]", "_")
            end
            if allowed == nil and name ~= nil and not readable(name) then
                refuse("reading", name)
                return roots.workdir .. "/.texreport-sandbox-refused/" .. sgsub(tostring(name), "[^%w.-]", "_")
            end
            return allowed
        end
    end,
    find_output_file = function(handler)
        return function(name, ...)
            return checked(handler(name, ...), "write")
        end
    end,
    define_font = function(handler)
        return function(...)
            local result = handler(...)
            if not font_file_allowed(result) then
                return nil
            end
            return result
        end
    end,
}

local function read_guard(handler)
    return function(name, ...)
        return checked(handler(name, ...), "read")
    end
end

-- LuaTeX's own lookups (texfileio.c), used when no callback is registered; registering them here puts every file
-- TeX reads for images, embedded objects, maps, encodings and fonts, and every file \openout writes, through the
-- checks above. \input keeps TeX's own lookup, which applies openin_any.
local defaults = {
    find_write_file = function(id, name)
        return name
    end,
    find_image_file = function(name)
        if sfind(name, "^data:application/pdf,") then
            return nil
        end
        return kpse_find_file(name, "tex", true)
    end,
    find_data_file = function(name)
        return kpse_find_file(name, "tex", true)
    end,
    find_map_file = function(name)
        return kpse_find_file(name, "map")
    end,
    find_enc_file = function(name)
        return kpse_find_file(name, "enc files")
    end,
    find_type1_file = function(name)
        return kpse_find_file(name, "type1 fonts")
    end,
    find_truetype_file = function(name)
        return kpse_find_file(name, "truetype fonts")
    end,
    find_opentype_file = function(name)
        return kpse_find_file(name, "opentype fonts") or kpse_find_file(name, "truetype fonts")
    end,
    find_font_file = function(name)
        return kpse_find_file(name, "ofm", true) or kpse_find_file(name, "tfm", true)
    end,
    find_vf_file = function(name)
        return kpse_find_file(name, "ovf") or kpse_find_file(name, "vf")
    end,
}

local function guarded(name, handler)
    local guard = guards[name]
    if guard == nil and type(name) == "string" and sfind(name, "^find_.+_file$") then
        guard = read_guard
    end
    if guard == nil then
        return handler
    end
    if handler == nil or handler == false then
        handler = defaults[name]
        if handler == nil then
            return nil
        end
    end
    if type(handler) ~= "function" then
        return handler
    end
    return guard(handler)
end

function callback.register(name, handler)
    return callback_register(name, guarded(name, handler))
end

for name, handler in pairs(defaults) do
    callback_register(name, guarded(name, handler))
end

---------------------------------------------------------------------------------------------------------------------
-- The pdf table does not exist yet while this script runs; LuaTeX creates it before start_run, which runs before
-- the format's first line of Lua, so its wrappers are installed there.

local function guard_pdf_objects(pdf)
    for _, name in pairs({ "obj", "immediateobj" }) do
        local original = pdf[name]
        if original then
            pdf[name] = function(...)
                local first = ...
                if type(first) == "table" then
                    if first.file ~= nil and not readable(first.file) then
                        raise("reading", first.file)
                    end
                else
                    local count = select("#", ...)
                    for i = 1, count - 1 do
                        local kind = select(i, ...)
                        if kind == "file" or kind == "streamfile" then
                            local file = select(i + 1, ...)
                            if not readable(file) then
                                raise("reading", file)
                            end
                            break
                        end
                    end
                end
                return original(...)
            end
        end
    end
    -- A map line names font files with a "<" prefix; a name with a folder in it is looked up as given.
    local mapline, mapfile = pdf.mapline, pdf.mapfile
    if mapline then
        pdf.mapline = function(line)
            if type(line) == "string" then
                for file in sgmatch(line, "<+%[?([^%s]+)") do
                    if sfind(file, "/", 1, true) and not readable(file) then
                        raise("reading", file)
                    end
                end
            end
            return mapline(line)
        end
    end
    if mapfile then
        pdf.mapfile = function(file)
            local name = type(file) == "string" and sgsub(file, "^[%+%-=]", "") or file
            if type(name) == "string" and sfind(name, "/", 1, true) and not readable(name) then
                raise("reading", name)
            end
            return mapfile(file)
        end
    end
end

local started = false
callback_register("start_run", function()
    if not started then
        started = true
        guard_pdf_objects(pdf)
        ffi = nil
        package.loaded.ffi = nil
    end
    -- start_run replaces LuaTeX's banner, so print it as LuaTeX would.
    texio.write(status.banner or "This is LuaTeX")
end)
