"""The entity resolver's blocking index keeps what its lookups read, and no more."""

from __future__ import annotations

from newsgraph.resolve.entities.blocking import BlockIndex
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.settings import ResolverOptions


def _index_with(options: ResolverOptions, n: int) -> BlockIndex:
    index = BlockIndex(options)
    for i in range(n):
        # every entity shares the word "Holdings"; every seventh comes back later
        name = parse_name(f"Company{i} Holdings")
        index.add(f"E{i}", [f"c:{name.compact}", "t:holdings"], [name])
        if i % 7 == 0 and i >= 7:
            back = parse_name(f"Company{i - 7} Holdings")
            index.add(f"E{i - 7}", [f"c:{back.compact}", "t:holdings"], [back])
    return index


def test_a_common_key_keeps_only_what_lookups_read() -> None:
    options = ResolverOptions()
    index = _index_with(options, 10 * options.block_cap)
    assert len(index.postings["t:holdings"]) <= 2 * options.block_cap


def test_lookups_are_those_of_an_untrimmed_index() -> None:
    options = ResolverOptions()
    index = _index_with(options, 10 * options.block_cap)
    # the same additions with a cap too large to trim anything
    whole = _index_with(ResolverOptions(block_cap=10_000), 10 * options.block_cap)
    whole.options = options
    assert len(whole.postings["t:holdings"]) == 10 * options.block_cap
    query = [parse_name("Holdings")]
    assert index.lookup(["t:holdings"], query) == whole.lookup(["t:holdings"], query)
    assert index.lookup(["t:holdings"], query, 12) == whole.lookup(["t:holdings"], query, 12)


def test_the_name_lsh_answers_as_datasketchs() -> None:
    """``NameLSH`` keeps a bucket's one name without a set: every query answers what
    datasketch's ``MinHashLSH`` with the same threshold and permutations answers."""
    from datasketch import MinHashLSH

    from newsgraph.resolve.entities.blocking import NameLSH, _minhash

    names = ["gaddafi", "qadhafi", "kadhafi", "gadaffi", "moammarqadhafi", "muammargaddafi",
             "kimjongun", "kimjongil", "kimjong", "tarareid", "tarareed", "reid", "okonkwo",
             "okonkow", "chidiokonkwo", "volkhovia", "volkovia", "anselmharbour"]
    options = ResolverOptions()
    ours = NameLSH(options.lsh_threshold, options.lsh_perm)
    theirs = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.lsh_perm)
    for n in names:
        ours.insert(n, _minhash(n, options.lsh_perm))
        theirs.insert(n, _minhash(n, options.lsh_perm))
    shared = 0
    for q in [*names, "gadafy", "kimjongeun", "okonkvo", "nobodyatall"]:
        found = ours.query(_minhash(q, options.lsh_perm))
        assert found == set(theirs.query(_minhash(q, options.lsh_perm)))
        shared += len(found) > 1
    assert shared  # some buckets hold several names
