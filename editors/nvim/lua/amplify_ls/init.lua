-- amplify-ls for Neovim's built-in LSP client (Neovim 0.7 and newer).
--
--   require('amplify_ls').setup({ cmd = { 'amplify-ls' } })   -- every option is optional
--
-- After setup(), every buffer whose filetype is in `filetypes` and whose file
-- lies under the `amplify/` folder of an Amplify Gen 2 backend gets an
-- amplify-ls client, one per backend root (the folder holding
-- `amplify/backend.ts`), and so does the backend's settings file,
-- `amplify-ls.json` in the backend root, whose problems the server reports
-- and whose unsaved text it reads. It runs beside tsserver or any other client attached
-- to the same buffer: amplify-ls reports only Amplify knowledge.
--
-- Only APIs that exist in Neovim 0.7 are required (vim.lsp.start_client,
-- vim.lsp.buf_attach_client, nvim_create_autocmd); newer ones (vim.lsp.start,
-- vim.lsp.get_clients) are used when they exist.

local M = {}

local defaults = {
  -- The server command. The server speaks LSP on stdio.
  cmd = { 'amplify-ls' },
  -- Extra environment for the server process.
  cmd_env = nil,
  -- Filetypes that may be Amplify backend files.
  filetypes = { 'typescript', 'typescriptreact', 'javascript', 'javascriptreact' },
  -- true: attach only to files under <root>/amplify/ (the backend itself);
  -- false: attach to every matching file under the backend root.
  amplify_dir_only = true,
  -- Sent as initializationOptions (see the server's README).
  init_options = { diagnosticsDebounceMs = 50 },
  settings = {},
  -- Merged into the client capabilities Neovim advertises
  -- (e.g. from cmp_nvim_lsp.default_capabilities()).
  capabilities = nil,
  on_attach = nil,
  handlers = nil,
  -- 'off', 'messages' or 'verbose'.
  trace = 'off',
  -- Client name, as shown by :LspInfo and vim.lsp.get_active_clients().
  name = 'amplify_ls',
  -- false: do not attach by itself; call require('amplify_ls').attach(bufnr).
  autostart = true,
}

M.config = nil

-- Neovim 0.7 path: backend root -> client id.
local clients_by_root = {}

local uv = vim.loop

local function is_file(path)
  local stat = uv.fs_stat(path)
  return stat ~= nil and stat.type == 'file'
end

local function parent(dir)
  local p = vim.fn.fnamemodify(dir, ':h')
  if p == dir then
    return nil
  end
  return p
end

local is_windows = vim.fn.has('win32') == 1

-- An absolute path with forward slashes and no trailing separator.
local function absolute(path)
  path = vim.fn.fnamemodify(path, ':p')
  if is_windows then
    path = path:gsub('\\', '/')
  end
  if #path > 1 and not path:match('^%a:/$') then
    path = path:gsub('/+$', '')
  end
  return path
end

--- Returns the Amplify backend root of `path` (a file or folder): the nearest
--- folder, `path` itself or one of its ancestors, that holds `amplify/backend.ts`.
--- Returns nil outside any backend.
function M.find_root(path)
  if path == nil or path == '' then
    return nil
  end
  local abs = absolute(path)
  local dir = abs
  local stat = uv.fs_stat(abs)
  if stat == nil or stat.type ~= 'directory' then
    dir = parent(abs)
  end
  while dir do
    if is_file(dir .. '/amplify/backend.ts') then
      return dir
    end
    dir = parent(dir)
  end
  return nil
end

local function starts_with(s, prefix)
  return s:sub(1, #prefix) == prefix
end

local function contains(list, value)
  for _, v in ipairs(list) do
    if v == value then
      return true
    end
  end
  return false
end

local CONFIG_NAME = 'amplify-ls.json'

--- Returns the backend root that buffer `bufnr` belongs to, or nil when
--- amplify-ls should not attach to it.
function M.root_of_buffer(bufnr)
  local cfg = M.config or defaults
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or name:match('^%a[%w+.-]*://') then
    return nil
  end
  local file = absolute(name)
  local root = M.find_root(file)
  if root == nil then
    return nil
  end
  if vim.fn.fnamemodify(file, ':t') == CONFIG_NAME then
    -- The settings of the backend rooted where the file is, and no other.
    return parent(file) == root and root or nil
  end
  if cfg.amplify_dir_only and not starts_with(file, root .. '/amplify/') then
    return nil
  end
  return root
end

local function client_config(root)
  local cfg = M.config
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if cfg.capabilities then
    capabilities = vim.tbl_deep_extend('force', capabilities, cfg.capabilities)
  end
  return {
    name = cfg.name,
    cmd = cfg.cmd,
    cmd_env = cfg.cmd_env,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = cfg.init_options,
    settings = cfg.settings,
    capabilities = capabilities,
    handlers = cfg.handlers,
    on_attach = cfg.on_attach,
    trace = cfg.trace,
  }
end

local function get_client(id)
  local client = vim.lsp.get_client_by_id(id)
  if client == nil or client.is_stopped() then
    return nil
  end
  return client
end

--- Attaches amplify-ls to buffer `bufnr` (default: the current buffer) when it
--- belongs to an Amplify backend, starting the backend's client if needed.
--- Returns the client id, or nil.
function M.attach(bufnr)
  if M.config == nil then
    M.setup({ autostart = false })
  end
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  if not vim.api.nvim_buf_is_loaded(bufnr) then
    return nil
  end
  local root = M.root_of_buffer(bufnr)
  if root == nil then
    return nil
  end
  if type(vim.lsp.start) == 'function' then
    -- Neovim 0.8+: reuses the client with the same name and root_dir.
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  if id == nil or get_client(id) == nil then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The running amplify-ls clients.
function M.clients()
  local all
  if type(vim.lsp.get_clients) == 'function' then
    all = vim.lsp.get_clients()
  else
    all = vim.lsp.get_active_clients()
  end
  local mine = {}
  for _, client in ipairs(all) do
    if client.name == (M.config or defaults).name then
      table.insert(mine, client)
    end
  end
  return mine
end

local function is_config_buffer(bufnr)
  return vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t') == CONFIG_NAME
end

local function attach_loaded_buffers()
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr)
        and (contains(M.config.filetypes, vim.bo[bufnr].filetype) or is_config_buffer(bufnr)) then
      M.attach(bufnr)
    end
  end
end

--- Stops every amplify-ls client and attaches the open buffers again.
function M.restart()
  local ids = {}
  for _, client in ipairs(M.clients()) do
    table.insert(ids, client.id)
    vim.lsp.stop_client(client.id)
  end
  clients_by_root = {}
  local tries = 0
  local timer = uv.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    tries = tries + 1
    local alive = false
    for _, id in ipairs(ids) do
      if vim.lsp.get_client_by_id(id) ~= nil then
        alive = true
      end
    end
    if (not alive or tries > 50) and not timer:is_closing() then
      timer:stop()
      timer:close()
      attach_loaded_buffers()
    end
  end))
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  -- Lists are replaced, not merged by index.
  if opts and opts.cmd then
    M.config.cmd = opts.cmd
  end
  if opts and opts.filetypes then
    M.config.filetypes = opts.filetypes
  end

  local group = vim.api.nvim_create_augroup('amplify_ls', { clear = true })
  if M.config.autostart then
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        M.attach(args.buf)
      end,
      desc = 'amplify-ls: attach to Amplify backend files',
    })
    vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
      group = group,
      pattern = CONFIG_NAME,
      callback = function(args)
        M.attach(args.buf)
      end,
      desc = 'amplify-ls: attach to the settings file of an Amplify backend',
    })
    attach_loaded_buffers()
  end

  vim.api.nvim_create_user_command('AmplifyLsRestart', function()
    M.restart()
  end, { desc = 'Restart amplify-ls' })
  vim.api.nvim_create_user_command('AmplifyLsInfo', function()
    local lines = {}
    for _, client in ipairs(M.clients()) do
      table.insert(lines, string.format('amplify-ls client %d, root %s', client.id,
        client.config.root_dir or '?'))
    end
    if #lines == 0 then
      table.insert(lines, 'amplify-ls: no client running')
    end
    print(table.concat(lines, '\n'))
  end, { desc = 'Show the running amplify-ls clients' })
end

return M
