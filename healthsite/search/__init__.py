"""Site search: readers' words for each page; Pagefind behind Material's search box."""
