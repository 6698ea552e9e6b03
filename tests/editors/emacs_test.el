;;; emacs_test.el --- real-client test: Emacs + eglot + amplify-ls -*- lexical-binding: t; -*-

;; Batch Emacs with editors/emacs on the load-path opens the fixture backend
;; the way a user does (find-file, eglot-ensure) and checks what amplify-ls
;; tells eglot: flymake diagnostics, completion-at-point, xref definitions.
;;
;; Run by tests/editors/CMakeLists.txt as
;;   emacs -Q --batch -L editors/emacs -l tests/editors/emacs_test.el
;; with the environment: AMPLIFY_LS (server binary), FIXTURE (fixture folder,
;; copied to a temporary folder first), STEP (diagnostics, completion,
;; definition or config).  Exit status: 0 passed, 1 failed, 77 skipped.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar amplify-ls-test-timeout
  (string-to-number (or (getenv "AMPLIFY_LS_TIMEOUT_S") "30")))

(defvar amplify-ls-test-tmp nil)
(defvar amplify-ls-test-elpa nil
  "The throwaway `package-user-dir' made on Emacs 28; removed on exit.")

(defun amplify-ls-test-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun amplify-ls-test-finish (code fmt &rest args)
  (amplify-ls-test-say "%s" (apply #'format fmt args))
  ;; Shut the servers down the LSP way, then make sure nothing late (a
  ;; server request still in flight) is processed while Emacs exits.
  (when (fboundp 'eglot-shutdown)
    (dolist (server (ignore-errors (hash-table-values eglot--servers-by-project)))
      (dolist (s server)
        (ignore-errors (eglot-shutdown s nil 5)))))
  (dolist (p (process-list))
    (set-process-filter p #'ignore)
    (set-process-sentinel p #'ignore)
    (ignore-errors (delete-process p)))
  (dolist (dir (list amplify-ls-test-tmp amplify-ls-test-elpa))
    (when dir
      (ignore-errors (delete-directory dir t))))
  (kill-emacs code))

(define-error 'amplify-ls-test-failure "amplify-ls test failure")

(defun amplify-ls-test-check (cond fmt &rest args)
  (unless cond
    (signal 'amplify-ls-test-failure (list (apply #'format fmt args)))))

(defun amplify-ls-test-wait (what pred)
  "Run the event loop until PRED is non-nil, or fail naming WHAT."
  (let ((deadline (+ (float-time) amplify-ls-test-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (amplify-ls-test-check (funcall pred) "timed out after %ss waiting for %s"
                           amplify-ls-test-timeout what)))

(defun amplify-ls-test-line-of (needle)
  "0-based line and the position where NEEDLE starts in the current buffer."
  (save-excursion
    (goto-char (point-min))
    (amplify-ls-test-check (search-forward needle nil t) "the fixture has no %s" needle)
    (goto-char (match-beginning 0))
    (cons (1- (line-number-at-pos)) (point))))

(defun amplify-ls-test-diag-code (diag)
  "The LSP code of flymake DIAG, read from the data eglot attaches."
  (let* ((data (flymake-diagnostic-data diag))
         (spec (cond ((and (consp data) (eq (car-safe data) 'eglot-lsp-diag)) (cdr data))
                     ((listp data) (alist-get 'eglot-lsp-diag data)))))
    (or (plist-get spec :code)
        (let ((text (flymake-diagnostic-text diag)))
          (and (string-match "\\[\\([a-z-]+\\)\\]" text) (match-string 1 text))))))

(defun amplify-ls-test-syntax-diags ()
  (cl-remove-if-not (lambda (d)
                      (let ((code (amplify-ls-test-diag-code d)))
                        (and (stringp code) (string-prefix-p "syntax-" code))))
                    (flymake-diagnostics)))

(defun amplify-ls-test-describe (diags)
  (mapconcat (lambda (d)
               (format "%s@%d %s" (amplify-ls-test-diag-code d)
                       (1- (line-number-at-pos (flymake-diagnostic-beg d)))
                       (flymake-diagnostic-text d)))
             diags "; "))

(defun amplify-ls-test-fix-syntax-error ()
  "Replace the fixture's broken statement with a correct one, as a user would."
  (save-excursion
    (goto-char (cdr (amplify-ls-test-line-of "(10 * 2;")))
    (delete-char (length "(10 * 2;"))
    (insert "(10 * 2);")))

(defun amplify-ls-test-capable (server cap)
  (let ((caps (if (fboundp 'eglot--capabilities) (eglot--capabilities server) nil)))
    (plist-get caps cap)))

(defun amplify-ls-test-run ()
  (let ((server-bin (getenv "AMPLIFY_LS"))
        (fixture (getenv "FIXTURE"))
        (step (or (getenv "STEP") "diagnostics")))
    (amplify-ls-test-check (and server-bin (file-executable-p server-bin))
                           "AMPLIFY_LS is not an executable: %s" server-bin)
    (amplify-ls-test-check (and fixture (file-directory-p fixture)) "FIXTURE is not a folder: %s" fixture)

    ;; Emacs 28: Debian's elpa-eglot is a package; activate it (a no-op for
    ;; Emacs 29+, whose eglot is built in).  Never touch the user's ~/.emacs.d.
    ;; `emacs -Q' skips site-lisp, where Debian puts its elpa-* packages.
    (unless (locate-library "eglot")
      (require 'package)
      (setq amplify-ls-test-elpa (make-temp-file "amplify-ls-elpa-" t)
            package-user-dir amplify-ls-test-elpa)
      (dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa-src"))
        (when (file-directory-p dir)
          (add-to-list 'package-directory-list dir t)))
      (package-initialize))
    (require 'eglot)
    (require 'amplify-ls)
    (amplify-ls-test-say "Emacs %s, eglot %s, step %s" emacs-version
                         (or (bound-and-true-p eglot--version)
                             (and (fboundp 'package-get-version) (ignore-errors (package-get-version)))
                             (let ((d (cadr (assq 'eglot package-alist))))
                               (and d (package-version-join (package-desc-version d))))
                             "built-in")
                         step)

    (setq amplify-ls-server-command (list server-bin)
          amplify-ls-initialization-options '(:diagnosticsDebounceMs 0))
    ;; Quiet, predictable eglot in batch.
    (setq eglot-sync-connect t
          eglot-autoshutdown nil
          eglot-events-buffer-size 0
          make-backup-files nil
          create-lockfiles nil)

    ;; The major mode for .ts: typescript-ts-mode or typescript-mode when this
    ;; Emacs has it (with its grammar), else js-mode (Emacs 28 has no
    ;; TypeScript mode built in).
    ;; AMPLIFY_LS_TEST_MODE=typescript-mode: a stand-in for the typescript-mode
    ;; package (not in Debian), to check that mode's path as well.
    (when (and (equal (getenv "AMPLIFY_LS_TEST_MODE") "typescript-mode")
               (not (fboundp 'typescript-mode)))
      (define-derived-mode typescript-mode prog-mode "TypeScript"
        "Stand-in for the typescript-mode package."))
    (let ((mode (cond ((and (fboundp 'typescript-ts-mode) (fboundp 'treesit-ready-p)
                            (treesit-ready-p 'typescript t))
                       'typescript-ts-mode)
                      ((fboundp 'typescript-mode) 'typescript-mode)
                      (t 'js-mode))))
      (add-to-list 'auto-mode-alist (cons "\\.ts\\'" mode))
      (amplify-ls-test-say "major mode for .ts: %s" mode))

    (setq amplify-ls-test-tmp (file-name-as-directory (make-temp-file "amplify-ls-emacs-" t)))
    (copy-directory (file-name-as-directory fixture) amplify-ls-test-tmp nil t t)
    (let* ((root (file-name-as-directory (file-truename amplify-ls-test-tmp)))
           (file (expand-file-name "amplify/data/resource.ts" root))
           (outside (expand-file-name "src/app.ts" root)))
      (make-directory (file-name-directory outside) t)
      (with-temp-file outside (insert "export const x = 1;\n"))

      ;; A file outside amplify/ is not amplify-ls's: eglot would give it the
      ;; next entry's server (typescript-language-server).
      (with-current-buffer (find-file-noselect outside)
        (amplify-ls-test-check (not (amplify-ls-managed-p)) "src/app.ts must not be managed by amplify-ls")
        (amplify-ls-test-check (not (equal (amplify-ls--contact) (amplify-ls-contact)))
                               "src/app.ts must not get the amplify-ls contact"))

      (switch-to-buffer (find-file-noselect file))
      (amplify-ls-test-check (equal (amplify-ls-backend-root) root)
                             "backend root %s, expected %s" (amplify-ls-backend-root) root)
      (eglot-ensure)
      ;; eglot-ensure connects after the current command; batch Emacs runs no
      ;; command loop, so run what the end of a command runs.
      (run-hooks 'post-command-hook)
      (amplify-ls-test-wait "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)))
      (let ((server (eglot-current-server)))
        (amplify-ls-test-check server "no eglot server for the buffer")
        (amplify-ls-test-check (equal (file-name-as-directory (expand-file-name (project-root (eglot--project server))))
                                      root)
                               "eglot's project root is %s, expected %s"
                               (project-root (eglot--project server)) root)
        (let ((command (process-command (jsonrpc--process server))))
          (amplify-ls-test-check (equal (car command) server-bin) "eglot started %S, not amplify-ls" command))
        (amplify-ls-test-check (or (not (fboundp 'eglot--major-modes))
                                   (memq major-mode (eglot--major-modes server)))
                               "the server should manage %s buffers" major-mode)
        (pcase step
          ("diagnostics"
           (let ((want (car (amplify-ls-test-line-of "export const pageSize"))))
             (amplify-ls-test-wait "a flymake diagnostic from amplify-ls"
                                   (lambda () (amplify-ls-test-syntax-diags)))
             (let* ((diags (amplify-ls-test-syntax-diags))
                    (d (car diags)))
               (amplify-ls-test-check (= (length diags) 1) "exactly one syntax diagnostic expected: %s"
                                      (amplify-ls-test-describe diags))
               (amplify-ls-test-check (equal (amplify-ls-test-diag-code d) "syntax-missing")
                                      "code syntax-missing expected: %s" (amplify-ls-test-describe diags))
               (amplify-ls-test-check (= (1- (line-number-at-pos (flymake-diagnostic-beg d))) want)
                                      "diagnostic on line %d expected: %s" want (amplify-ls-test-describe diags))
               (amplify-ls-test-check (memq (flymake-diagnostic-type d) '(eglot-error :error))
                                      "an error expected, got %s" (flymake-diagnostic-type d))
               (amplify-ls-test-check (string-match-p "amplify-ls" (flymake-diagnostic-text d))
                                      "the text should name amplify-ls: %s" (flymake-diagnostic-text d))
               (amplify-ls-test-say "flymake shows: %s" (amplify-ls-test-describe diags)))
             (amplify-ls-test-fix-syntax-error)
             (amplify-ls-test-wait "the diagnostic to be cleared after the fix"
                                   (lambda () (null (amplify-ls-test-syntax-diags))))
             (amplify-ls-test-say "diagnostic cleared after the fix")
             '(0 . "PASS: emacs diagnostics")))
          ("completion"
           (if (not (amplify-ls-test-capable server :completionProvider))
               '(77 . "SKIP: server does not provide completion yet (no completionProvider in its initialize result)")
             (amplify-ls-test-fix-syntax-error)
             (goto-char (+ (cdr (amplify-ls-test-line-of "a.belongsTo('Post'")) (length "a.belongsTo('")))
             (let* ((capf (eglot-completion-at-point))
                    (table (nth 2 capf))
                    (labels (and table (all-completions "" table)))
                    (plain (mapcar (lambda (l) (string-trim (substring-no-properties l) "['\"]" "['\"]")) labels))
                    (found (cl-find-if (lambda (l) (member l '("Post" "Comment"))) plain)))
               (amplify-ls-test-check capf "eglot-completion-at-point returned nothing")
               (amplify-ls-test-check found "a model name (Post or Comment) expected inside a.belongsTo('|, got: %s"
                                      (string-join plain ", "))
               (amplify-ls-test-say "completion offers the model %s among: %s" found (string-join plain ", "))
               '(0 . "PASS: emacs completion"))))
          ("definition"
           (if (not (amplify-ls-test-capable server :definitionProvider))
               '(77 . "SKIP: server does not provide go-to-definition yet (no definitionProvider in its initialize result)")
             (amplify-ls-test-fix-syntax-error)
             (let ((want (car (amplify-ls-test-line-of "Post: a.model(")))
                   (from (amplify-ls-test-line-of "a.belongsTo('Post'"))
                   (buffer (current-buffer)))
               (goto-char (+ (cdr from) (length "a.belongsTo('") 1))
               ;; What M-. does.
               (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
               (amplify-ls-test-check (eq (current-buffer) buffer)
                                      "definition should stay in data/resource.ts, went to %s" (buffer-name))
               (amplify-ls-test-check (= (1- (line-number-at-pos)) want)
                                      "definition of Post expected on line %d (Post: key), point is on line %d"
                                      want (1- (line-number-at-pos)))
               (amplify-ls-test-say "definition jumped to line %d: %s" want
                                    (string-trim (buffer-substring (line-beginning-position) (line-end-position))))
               '(0 . "PASS: emacs definition"))))
          ("config"
           ;; The backend's settings file gets the same server: its problems
           ;; come back as its diagnostics, its unsaved text is what counts.
           (let ((config (expand-file-name "amplify-ls.json" root)))
             (with-temp-file config
               (insert "{\n  \"rules\": {\n    \"no-such-rule\": \"off\"\n  }\n}\n"))
             (switch-to-buffer (find-file-noselect config))
             (amplify-ls-test-check (equal (amplify-ls-managed-p) root)
                                    "amplify-ls.json in the backend root should be managed")
             (eglot-ensure)
             (run-hooks 'post-command-hook)
             (amplify-ls-test-wait "eglot to manage amplify-ls.json"
                                   (lambda () (bound-and-true-p eglot--managed-mode)))
             (amplify-ls-test-check (eq (eglot-current-server) server)
                                    "amplify-ls.json should get the backend's server")
             (let ((config-diags
                    (lambda ()
                      (cl-remove-if-not (lambda (d) (equal (amplify-ls-test-diag-code d) "amplify-ls-config"))
                                        (flymake-diagnostics)))))
               ;; What the command loop would do next: flymake asks eglot's
               ;; backend, which hands over what the server published.
               (when (fboundp 'flymake-start)
                 (flymake-start))
               ;; The server may first see the file half written (its watcher
               ;; reads the disk while it is written): wait for the list of the
               ;; whole text.
               (amplify-ls-test-wait "a diagnostic on the unknown rule code"
                                     (lambda ()
                                       (let ((d (car (funcall config-diags))))
                                         (and d (string-match-p "no-such-rule"
                                                                (flymake-diagnostic-text d))))))
               (let ((d (car (funcall config-diags))))
                 (amplify-ls-test-check (= (1- (line-number-at-pos (flymake-diagnostic-beg d))) 2)
                                        "the diagnostic should be on line 2: %s"
                                        (amplify-ls-test-describe (funcall config-diags)))
                 (amplify-ls-test-check (string-match-p "no-such-rule" (flymake-diagnostic-text d))
                                        "the message should name the code: %s" (flymake-diagnostic-text d))
                 (amplify-ls-test-say "flymake shows: %s" (amplify-ls-test-describe (funcall config-diags))))
               (save-excursion
                 (goto-char (cdr (amplify-ls-test-line-of "no-such-rule")))
                 (delete-char (length "no-such-rule"))
                 (insert "data-model-missing-authorization"))
               ;; What eglot's idle timer does once the user pauses (batch
               ;; Emacs is never idle): send the change, then flymake asks.
               (when (fboundp 'eglot--signal-textDocument/didChange)
                 (eglot--signal-textDocument/didChange))
               (when (fboundp 'flymake-start)
                 (flymake-start))
               (amplify-ls-test-wait "the diagnostic to be cleared from the unsaved text"
                                     (lambda () (null (funcall config-diags))))
               (amplify-ls-test-say "diagnostic cleared after the edit (not saved)"))
             ;; A file of that name elsewhere is no backend's settings.
             (let ((other (expand-file-name "src/amplify-ls.json" root)))
               (make-directory (file-name-directory other) t)
               (with-temp-file other (insert "{}\n"))
               (with-current-buffer (find-file-noselect other)
                 (amplify-ls-test-check (not (amplify-ls-managed-p))
                                        "amplify-ls.json in another folder of the app is not the backend's settings file")))
             '(0 . "PASS: emacs config")))
          (_ (amplify-ls-test-check nil "unknown STEP %s" step)))))))

(let ((result (condition-case err
                  (amplify-ls-test-run)
                (amplify-ls-test-failure (cons 1 (concat "FAIL: " (cadr err))))
                (error (cons 1 (format "FAIL: %S" err))))))
  (amplify-ls-test-finish (car result) "%s" (cdr result)))

;;; emacs_test.el ends here
