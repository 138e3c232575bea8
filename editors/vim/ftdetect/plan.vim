" Plan as Code: *.plan files have the filetype "plan" (Vim and Neovim read ftdetect/ on the runtimepath).
autocmd BufRead,BufNewFile *.plan setfiletype plan
