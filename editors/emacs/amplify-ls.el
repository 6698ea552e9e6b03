;;; amplify-ls.el --- Eglot support for amplify-ls, the AWS Amplify Gen 2 language server -*- lexical-binding: t; -*-

;; Copyright (c) amplify-ls contributors
;; SPDX-License-Identifier: MIT
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools

;;; Commentary:

;; amplify-ls is a language server for the TypeScript DSL of an AWS Amplify
;; Gen 2 backend (the files under `amplify/': `backend.ts', `data/resource.ts',
;; ...).  After
;;
;;   (require 'amplify-ls)
;;
;; `eglot-ensure' (or M-x eglot) in a `typescript-mode', `typescript-ts-mode',
;; `tsx-ts-mode', `js-mode' or `js-ts-mode' buffer visiting a file under the
;; `amplify/' folder of a backend starts amplify-ls for that backend.  The
;; backend root is the nearest folder holding `amplify/backend.ts'.
;;
;; Eglot runs one server per buffer.  By default, files under `amplify/' get
;; amplify-ls and every other file keeps the server `eglot-server-programs'
;; gives it (typescript-language-server for TypeScript).  Each buffer is
;; managed by one server, so `amplify/' files lose TypeScript's own
;; completion while amplify-ls manages them; to keep both, run the two servers
;; behind a multiplexer (see `amplify-ls-scope' and README.md).
;;
;; Works with Emacs 28 and the `eglot' package (Debian: elpa-eglot), and with
;; the eglot built into Emacs 29 and newer.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'project)
(require 'eglot)

(defgroup amplify-ls nil
  "Eglot support for amplify-ls, the AWS Amplify Gen 2 language server."
  :group 'eglot
  :prefix "amplify-ls-")

(defcustom amplify-ls-server-command '("amplify-ls")
  "Command, a list of program and arguments, that starts amplify-ls.
The server speaks LSP on its standard input and output."
  :type '(repeat string))

(defcustom amplify-ls-scope 'amplify-dir
  "Which buffers amplify-ls manages.
`amplify-dir': files under the `amplify/' folder of a backend (the default).
`backend': every file under a backend root (the folder holding
  `amplify/backend.ts'), source files of the app included.
nil: none; every buffer keeps the server of the next matching entry of
  `eglot-server-programs' (use this when that entry is a multiplexer that
  runs amplify-ls beside typescript-language-server)."
  :type '(choice (const :tag "Files under amplify/" amplify-dir)
                 (const :tag "Every file of the backend's app" backend)
                 (const :tag "None" nil)))

(defcustom amplify-ls-major-modes
  '((typescript-mode :language-id "typescript")
    (typescript-ts-mode :language-id "typescript")
    (tsx-ts-mode :language-id "typescriptreact")
    (js-json-mode :language-id "json")
    (json-ts-mode :language-id "json")
    (json-mode :language-id "json")
    (js-mode :language-id "javascript")
    (js-ts-mode :language-id "javascript"))
  "Major modes, in `eglot-server-programs' syntax, that amplify-ls may manage.
The JSON modes are for the backend's settings file, `amplify-ls.json' in
the backend root (Emacs 28 opens it in `js-mode').  Buffers of these modes
outside the `amplify-ls-scope' get the next entry of
`eglot-server-programs' that matches their mode."
  :type '(repeat sexp))

(defcustom amplify-ls-initialization-options '(:diagnosticsDebounceMs 50)
  "The initializationOptions sent to amplify-ls, as a plist.
`:diagnosticsDebounceMs' is how long the server waits after an edit
before it recomputes diagnostics."
  :type 'plist)

(defun amplify-ls-backend-root (&optional file)
  "Return the Amplify backend root of FILE, or nil.
FILE defaults to the file (or directory) of the current buffer.  The
root is the nearest folder, FILE's own or an ancestor, that holds
`amplify/backend.ts'; it is returned as an absolute directory name."
  (let ((file (or file buffer-file-name default-directory)))
    (when file
      (when-let ((dir (locate-dominating-file
                       (expand-file-name file)
                       (lambda (dir)
                         (file-regular-p (expand-file-name "amplify/backend.ts" dir))))))
        (file-name-as-directory (expand-file-name dir))))))

(defun amplify-ls-managed-p (&optional buffer)
  "Non-nil when amplify-ls is the server for BUFFER (default: current).
Returns the backend root then.  The backend's settings file,
`amplify-ls.json' in the backend root, is managed in every scope but nil:
the server reports its problems and reads its unsaved text."
  (with-current-buffer (or buffer (current-buffer))
    (when-let* ((scope amplify-ls-scope)
                (file buffer-file-name)
                (file (expand-file-name file))
                (root (amplify-ls-backend-root file)))
      (and (or (eq scope 'backend)
               (string-prefix-p (expand-file-name "amplify/" root) file)
               (equal file (expand-file-name "amplify-ls.json" root)))
           root))))

;;;; Project: amplify-ls's own project, so that eglot keys its server apart
;;;; from the one that manages the other files of the same app.

(defun amplify-ls--file-under-p (file dir)
  "Non-nil when FILE is DIR or below it, by true names.
Not `file-in-directory-p': in Emacs 28 it ends with `file-equal-p',
which compares every file attribute, access time included, so it
fails at random while another process (the server's scan) reads DIR."
  (string-prefix-p (file-name-as-directory (file-truename dir))
                   (file-truename file)))

(defun amplify-ls--project-find (dir)
  "Return an amplify-ls project for DIR when eglot looks for one.
Only in eglot's context (`eglot-lsp-context') and only for buffers that
amplify-ls manages; every other caller of `project-current' sees the
usual project."
  (when (and (bound-and-true-p eglot-lsp-context)
             buffer-file-name
             (amplify-ls--file-under-p buffer-file-name dir))
    (when-let ((root (amplify-ls-managed-p)))
      (cons 'amplify-ls root))))

(cl-defmethod project-root ((project (head amplify-ls)))
  "The backend root of the amplify-ls PROJECT."
  (cdr project))

;;;; Contact: amplify-ls for managed buffers, the next matching entry for the rest.

(defun amplify-ls--modes-match-p (modes mode)
  "Non-nil when the `eglot-server-programs' key MODES covers MODE."
  (let ((specs (if (or (symbolp modes) (keywordp (cadr modes))) (list modes) modes)))
    (cl-some (lambda (spec)
               (let ((probe (if (consp spec) (car spec) spec)))
                 (and (symbolp probe) (provided-mode-derived-p mode probe))))
             specs)))

(defun amplify-ls--fallback-contact (interactive project)
  "The contact of the next `eglot-server-programs' entry for this buffer.
INTERACTIVE and PROJECT are passed to a function contact."
  (let ((entry (cl-find-if (lambda (entry)
                             (and (not (eq (cdr entry) #'amplify-ls--contact))
                                  (amplify-ls--modes-match-p (car entry) major-mode)))
                           eglot-server-programs)))
    (when entry
      (let ((contact (cdr entry)))
        (if (functionp contact)
            (let ((max (cdr (func-arity contact))))
              (if (and project (or (eq max 'many) (> max 1)))
                  (funcall contact interactive project)
                (funcall contact interactive)))
          contact)))))

(defun amplify-ls-contact ()
  "The eglot contact that starts amplify-ls."
  (append amplify-ls-server-command
          (list :initializationOptions amplify-ls-initialization-options)))

(defun amplify-ls--contact (&optional interactive project)
  "Eglot contact: amplify-ls where it applies, else the next entry's.
INTERACTIVE and PROJECT are as eglot passes them."
  (if (amplify-ls-managed-p)
      (amplify-ls-contact)
    (amplify-ls--fallback-contact interactive project)))

;;;; Set-up, done on load.

(defun amplify-ls-setup ()
  "Register amplify-ls with eglot and project.el.  Done on load."
  (add-hook 'project-find-functions #'amplify-ls--project-find)
  (unless (rassq #'amplify-ls--contact eglot-server-programs)
    (push (cons amplify-ls-major-modes #'amplify-ls--contact) eglot-server-programs)))

(defun amplify-ls-unload-function ()
  "Undo `amplify-ls-setup' when the feature is unloaded."
  (remove-hook 'project-find-functions #'amplify-ls--project-find)
  (setq eglot-server-programs
        (cl-remove #'amplify-ls--contact eglot-server-programs :key #'cdr))
  nil)

(amplify-ls-setup)

(provide 'amplify-ls)
;;; amplify-ls.el ends here
