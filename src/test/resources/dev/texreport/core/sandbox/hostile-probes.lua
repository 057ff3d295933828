-- Hostile Lua a team could put in a section: each probe tries to read a file outside the project (OUTSIDE is set
-- by the test document) and prints what it got, or to write/change something outside. The test asserts that the
-- secret is not in the PDF and no file appeared outside; a run without the sandbox shows the probes are real.
local secret = OUTSIDE .. "/secret.txt"
local results = {}

local function probe(label, f)
    local ok, value = pcall(f)
    results[#results + 1] = label .. " => " .. (ok and "" or "error ") .. tostring(value)
end

local function first_line(handle)
    if not handle then
        return nil
    end
    local line = handle:read("l")
    handle:close()
    return line
end

probe("io.open", function() return first_line(io.open(secret)) end)
probe("io.open rb", function() return first_line(io.open(secret, "rb")) end)
probe("io.lines", function() for line in io.lines(secret) do return line end end)
probe("io.input", function() io.input(secret) return io.read("l") end)
probe("io.loaddata", function() return io.loaddata(secret) end)
probe("io.loadlines", function() local lines = io.loadlines(secret) return lines and lines[1] end)
probe("dofile", function() return dofile(OUTSIDE .. "/secret.lua") end)
probe("loadfile", function() local chunk = loadfile(OUTSIDE .. "/secret.lua") return chunk and chunk() end)
probe("require", function()
    package.path = OUTSIDE .. "/?.lua;" .. package.path
    return require("secret")
end)
probe("dotdot", function() return first_line(io.open(string.rep("../", 12) .. secret)) end)
probe("chdir", function()
    local here = lfs.currentdir()
    lfs.chdir(OUTSIDE)
    local line = first_line(io.open("secret.txt"))
    lfs.chdir(here)
    return line
end)
probe("proc environ", function() return first_line(io.open("/proc/self/environ")) and "read environ" end)
probe("gzip.open", function() return first_line(gzip.open(secret)) end)
probe("gzip.lines", function() for line in gzip.lines(secret) do return line end end)
probe("zip.open", function() return zip.open(secret) and "opened" end)
probe("harfbuzz blob", function() return luaharfbuzz.Blob.new_from_file(secret):get_data() end)
probe("fontloader", function() return fontloader.open(secret) and "opened" end)
probe("pdfe.open", function()
    local document = pdfe.open(OUTSIDE .. "/outside.pdf")
    return document and ("pages " .. pdfe.getnofpages(document))
end)
probe("pdf.immediateobj streamfile", function() pdf.refobj(pdf.immediateobj("streamfile", secret)) return "embedded" end)
probe("pdf.obj table", function() pdf.refobj(pdf.obj { type = "stream", file = secret }) return "embedded" end)
probe("img.scan", function()
    local image = img.scan { filename = OUTSIDE .. "/outside.png" }
    img.write(image)
    return "image written"
end)
probe("img.new then filename", function()
    local image = img.new()
    image.filename = OUTSIDE .. "/outside.png"
    img.write(image)
    return "image written"
end)
probe("mplib readfrom", function()
    local mp = mplib.new {}
    local result = mp:execute('string s; s = readfrom "' .. secret .. '"; message s;')
    return result and result.term
end)
probe("mplib write", function()
    local mp = mplib.new { find_file = function(name) return name end }
    mp:execute('write "pwned" to "' .. OUTSIDE .. '/mp-written.txt"; write EOF to "' .. OUTSIDE .. '/mp-written.txt";')
    return "wrote"
end)
probe("io.open w", function()
    local f = io.open(OUTSIDE .. "/written-io.txt", "w")
    if f then f:write("x") f:close() return "wrote" end
end)
probe("io.output", function()
    local before = io.output()
    io.output(OUTSIDE .. "/written-output.txt")
    io.write("x")
    io.close()
    io.output(before)
    return "wrote"
end)
probe("io.savedata", function() return io.savedata(OUTSIDE .. "/written-save.txt", "x") end)
probe("os.rename", function() return os.rename(OUTSIDE .. "/victim.txt", OUTSIDE .. "/renamed.txt") end)
probe("os.remove", function() return os.remove(OUTSIDE .. "/victim2.txt") end)
probe("lfs.mkdir", function() return lfs.mkdir(OUTSIDE .. "/made-dir") end)
probe("lfs.touch", function() return lfs.touch(OUTSIDE .. "/touched") end)
probe("lfs.link", function() return lfs.link(secret, "linked.txt", true) end)
probe("lfs.dir", function()
    local names = {}
    for name in lfs.dir(OUTSIDE) do names[#names + 1] = name end
    return table.concat(names, " ")
end)
probe("os.setenv", function() return os.setenv("openin_any", "a") end)
probe("os.tmpname", function() return os.tmpname() end)
probe("bytecode", function() return load("\27Lua\83\0\25\147\13\10\26\10") end)
probe("debug.getupvalue", function() return tostring(debug.getupvalue) end)
probe("debug.getinfo func", function() return tostring(debug.getinfo(1, "f").func) end)
probe("C module", function()
    package.cpath = OUTSIDE .. "/?.so"
    return require("evil")
end)
probe("socket", function() return require("socket") end)
probe("font.define", function()
    return font.define { name = "x", filename = OUTSIDE .. "/outside.png", size = 655360, characters = {} }
end)

for _, line in ipairs(results) do
    texio.write_nl("log", "PROBE " .. line)
    tex.print(-2, line)
    tex.print("\\par")
end
