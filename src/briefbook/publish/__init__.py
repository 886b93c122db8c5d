"""Publishing: running the chapter notebooks, writing article pages and building the site."""
