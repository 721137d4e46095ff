"""Within an anonymous read, a cache value is read once (blogsite.cachereads); a bump made
meanwhile makes the request read again, so nothing it stores is older than the bump."""

from django.core.cache import cache

from blogsite import cachereads, pagecache


def test_a_value_is_read_once_per_request_and_again_after_a_bump():
    cache.set(pagecache.GENERATION_PREFIX + "post:1", 4, timeout=None)
    with cachereads.reading() as reads:
        assert pagecache.generation("post:1") == 4
        cache.set(pagecache.GENERATION_PREFIX + "post:1", 9, timeout=None)  # another process
        assert pagecache.generation("post:1") == 4  # the snapshot: older, never newer
        pagecache.bump("post:1")  # this request's own write
        assert pagecache.generation("post:1") == 10
    assert list(reads.asked) == [pagecache.GENERATION_PREFIX + "post:1"]
    assert pagecache.generation("post:1") == 10  # outside a read: the cache's


def test_prefetched_values_answer_and_missing_ones_count_as_absent():
    cache.set("posts:next-due", "stored", timeout=None)
    with cachereads.reading({"posts:next-due": None, "other": 3}) as reads:
        assert cachereads.get("posts:next-due", "absent") == "absent"  # as fetched
        assert cachereads.get_many(["other"]) == {"other": 3}
    assert list(reads.asked) == ["posts:next-due", "other"]
