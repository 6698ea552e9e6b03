-- Real-client test: headless Neovim with editors/nvim on the runtimepath
-- opens the fixture backend and checks what amplify-ls tells it, through
-- Neovim's own LSP client (vim.diagnostic, vim.lsp.buf_request_sync,
-- vim.lsp.buf.definition).
--
-- Run by tests/editors/CMakeLists.txt as
--   nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=editors/nvim' -c 'luafile nvim_test.lua'
-- with the environment: AMPLIFY_LS (server binary), FIXTURE (fixture folder,
-- copied to a temporary folder first), STEP (diagnostics, completion, config or
-- definition). Exit status: 0 passed, 1 failed, 77 skipped.

local TIMEOUT = tonumber(os.getenv('AMPLIFY_LS_TIMEOUT') or '') or 30000

local function say(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local tmp

local function finish(code, msg)
  say(msg)
  if tmp then
    vim.fn.delete(tmp, 'rf')
  end
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

local Failure = {}

local function fail(msg)
  error(setmetatable({ msg = msg }, Failure), 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function wait_for(what, pred)
  local ok = vim.wait(TIMEOUT, pred, 20)
  check(ok, 'timed out after ' .. TIMEOUT .. ' ms waiting for ' .. what)
end

local function line_of(buf, needle)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  fail('the fixture has no line with ' .. needle)
end

-- amplify-ls's syntax diagnostics on `buf`, from any namespace: Neovim 0.10+
-- pulls diagnostics (another namespace than pushed ones) from servers that
-- offer it, and amplify-ls does to clients that advertise pull.
local function syntax_diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'amplify-ls' and type(d.code) == 'string' and d.code:match('^syntax%-') then
      table.insert(found, d)
    end
  end
  return found
end

local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, string.format('%s@%d:%d %s', tostring(d.code), d.lnum, d.col, d.message))
  end
  return '[' .. table.concat(parts, '; ') .. ']'
end

-- Replaces the fixture's broken statement with a correct one, as a user would.
local function fix_syntax_error(buf)
  local row, col = line_of(buf, '(10 * 2;')
  vim.api.nvim_buf_set_text(buf, row, col, row, col + #'(10 * 2;', { '(10 * 2);' })
end

local function run()
  local server = os.getenv('AMPLIFY_LS')
  local fixture = os.getenv('FIXTURE')
  local step = os.getenv('STEP') or 'diagnostics'
  check(server and vim.fn.executable(server) == 1, 'AMPLIFY_LS is not an executable: ' .. tostring(server))
  check(fixture and vim.fn.isdirectory(fixture) == 1, 'FIXTURE is not a folder: ' .. tostring(fixture))
  say(string.format('nvim %s, step %s', tostring(vim.version and vim.version().minor), step))

  -- Work on a copy, so the test never writes into the source tree.
  tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp, 'p')
  vim.fn.system({ 'cp', '-R', fixture .. '/.', tmp })
  check(vim.v.shell_error == 0, 'could not copy the fixture')
  local root = vim.fn.resolve(tmp)
  local file = root .. '/amplify/data/resource.ts'

  vim.cmd('filetype on')
  local amplify = require('amplify_ls')
  amplify.setup({ cmd = { server }, init_options = { diagnosticsDebounceMs = 0 } })

  -- A file outside amplify/ must not get the client.
  vim.fn.mkdir(root .. '/src', 'p')
  vim.fn.writefile({ 'export const x = 1;' }, root .. '/src/app.ts')
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/src/app.ts'))
  check(vim.bo.filetype == 'typescript', 'src/app.ts should be typescript, is ' .. vim.bo.filetype)
  check(#amplify.clients() == 0, 'amplify-ls must not attach to files outside amplify/')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'typescript', 'filetype should be typescript, is ' .. vim.bo[buf].filetype)
  check(amplify.find_root(file) == root, 'find_root: ' .. tostring(amplify.find_root(file)) .. ' ~= ' .. root)

  local client
  wait_for('the amplify-ls client to start and initialize', function()
    client = amplify.clients()[1]
    return client ~= nil and client.server_capabilities ~= nil and vim.lsp.buf_is_attached(buf, client.id)
  end)
  check(client.config.root_dir == root, 'root_dir ' .. tostring(client.config.root_dir))
  local caps = client.server_capabilities

  if step == 'diagnostics' then
    local want_line = line_of(buf, 'export const pageSize')
    wait_for('a syntax diagnostic in data/resource.ts', function()
      return #syntax_diagnostics(buf) > 0
    end)
    local diags = syntax_diagnostics(buf)
    check(#diags == 1, 'exactly one syntax diagnostic expected, got ' .. describe(diags))
    local d = diags[1]
    check(d.code == 'syntax-missing', 'code syntax-missing expected, got ' .. describe(diags))
    check(d.lnum == want_line, string.format('diagnostic on line %d expected, got %s', want_line, describe(diags)))
    check(d.severity == vim.diagnostic.severity.ERROR, 'an error expected, got severity ' .. tostring(d.severity))
    check(d.message:find('`)`', 1, true) ~= nil, 'the message should name the missing `)`: ' .. d.message)
    say('diagnostic received: ' .. describe(diags))

    -- The fix travels as an incremental change; the diagnostic goes away.
    fix_syntax_error(buf)
    wait_for('the syntax diagnostic to be cleared after the fix', function()
      return #syntax_diagnostics(buf) == 0
    end)
    say('diagnostic cleared after the fix')
    return 0, 'PASS: nvim diagnostics'
  elseif step == 'completion' then
    if not caps.completionProvider then
      return 77, 'SKIP: server does not provide completion yet (no completionProvider in its initialize result)'
    end
    fix_syntax_error(buf)
    local row, col = line_of(buf, "a.belongsTo('Post'")
    col = col + #"a.belongsTo('"
    vim.api.nvim_win_set_cursor(0, { row + 1, col })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, TIMEOUT)
    check(responses and responses[client.id], 'no completion response from amplify-ls')
    local response = responses[client.id]
    check(response.err == nil and response.error == nil, 'completion failed: ' .. vim.inspect(response.err or response.error))
    local result = response.result
    local items = (type(result) == 'table' and result.items) or result or {}
    local labels = {}
    local found = nil
    for _, item in ipairs(items) do
      local label = (item.label or ''):gsub("^['\"]", ''):gsub("['\"]$", '')
      table.insert(labels, label)
      if found == nil and (label == 'Post' or label == 'Comment') then
        found = label
      end
    end
    check(found ~= nil, "a model name (Post or Comment) expected inside a.belongsTo('|, got: " .. table.concat(labels, ', '))
    say('completion offers the model ' .. found .. ' among: ' .. table.concat(labels, ', '))
    return 0, 'PASS: nvim completion'
  elseif step == 'definition' then
    if not caps.definitionProvider then
      return 77, 'SKIP: server does not provide go-to-definition yet (no definitionProvider in its initialize result)'
    end
    fix_syntax_error(buf)
    local want_line = line_of(buf, 'Post: a.model(')
    local row, col = line_of(buf, "a.belongsTo('Post'")
    col = col + #"a.belongsTo('" + 1 -- on the 'o' of Post
    vim.api.nvim_win_set_cursor(0, { row + 1, col })
    vim.lsp.buf.definition()
    wait_for('the cursor to jump to the Post model', function()
      return vim.api.nvim_win_get_cursor(0)[1] ~= row + 1
    end)
    local cursor = vim.api.nvim_win_get_cursor(0)
    check(vim.api.nvim_get_current_buf() == buf,
      'definition should stay in data/resource.ts, went to ' .. vim.api.nvim_buf_get_name(0))
    check(cursor[1] - 1 == want_line,
      string.format('definition of Post expected on line %d (Post: key), cursor is on line %d', want_line, cursor[1] - 1))
    say(string.format('definition jumped to line %d: %s', cursor[1] - 1,
      vim.api.nvim_buf_get_lines(buf, cursor[1] - 1, cursor[1], false)[1]))
    return 0, 'PASS: nvim definition'
  elseif step == 'config' then
    -- The backend's settings file gets the same client: its problems come
    -- back as its diagnostics, and its unsaved text is what the server reads.
    local config = root .. '/amplify-ls.json'
    vim.fn.writefile({ '{', '  "rules": {', '    "no-such-rule": "off"', '  }', '}' }, config)
    vim.cmd('edit ' .. vim.fn.fnameescape(config))
    local cbuf = vim.api.nvim_get_current_buf()
    wait_for('amplify-ls to attach to amplify-ls.json', function()
      return vim.lsp.buf_is_attached(cbuf, client.id)
    end)
    check(#amplify.clients() == 1, 'one client for the backend expected, got ' .. #amplify.clients())
    local function config_diags()
      local found = {}
      for _, d in ipairs(vim.diagnostic.get(cbuf)) do
        if d.source == 'amplify-ls' and d.code == 'amplify-ls-config' then
          table.insert(found, d)
        end
      end
      return found
    end
    -- The server may first see the file half written (its watcher reads the
    -- disk while writefile writes): wait for the list of the whole text.
    wait_for('a diagnostic on the unknown rule code', function()
      local found = config_diags()
      return #found > 0 and found[1].message:find('no-such-rule', 1, true) ~= nil
    end)
    local d = config_diags()[1]
    check(d.lnum == 2, 'the diagnostic should be on line 2 (the unknown code), got ' .. describe(config_diags()))
    check(d.message:find('no-such-rule', 1, true) ~= nil, 'the message should name the code: ' .. d.message)
    say('diagnostic received: ' .. describe(config_diags()))
    local row, col = line_of(cbuf, 'no-such-rule')
    vim.api.nvim_buf_set_text(cbuf, row, col, row, col + #'no-such-rule', { 'data-model-missing-authorization' })
    wait_for('the diagnostic to be cleared from the unsaved text', function()
      return #config_diags() == 0
    end)
    say('diagnostic cleared after the edit (not saved)')
    -- A file of that name elsewhere is no backend's settings.
    vim.fn.writefile({ '{}' }, root .. '/src/amplify-ls.json')
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/src/amplify-ls.json'))
    check(amplify.root_of_buffer(vim.api.nvim_get_current_buf()) == nil,
      "amplify-ls.json in another folder of the app is not the backend's settings file")
    return 0, 'PASS: nvim config'
  end
  fail('unknown STEP ' .. step)
end

local ok, code, msg = xpcall(run, function(err)
  if type(err) == 'table' and getmetatable(err) == Failure then
    return err.msg
  end
  return debug.traceback(tostring(err), 2)
end)
if ok then
  finish(code, msg)
else
  finish(1, 'FAIL: ' .. tostring(code))
end
