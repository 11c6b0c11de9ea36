"""A LightGBM booster's trees as flat arrays, walked by compiled code eight rows at a time.

Scoring is the replay's largest cost: LightGBM walks one row through one tree at a time, and
each step waits on the load of the next node. Walking eight rows through a tree together keeps
eight such loads in flight. The raw score is LightGBM's to the last bit: each node decides as
LightGBM's numerical split with no missing-value handling does (a NaN or an absolute value of
at most `ZERO_THRESHOLD` reads as 0; a value at most the threshold goes left), and a row's leaf
values are summed in tree order from 0.0, as LightGBM sums them. A booster with other kinds of
split (categorical, or learned directions for missing values) or linear trees is left to
LightGBM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numba
import numpy as np
import numpy.typing as npt

from fanzha.detect.windows import FloatArray

Int32Array = npt.NDArray[np.int32]
#: A forest's arrays as the compiled walk takes them: feature, threshold, children, leaf
#: values, roots (FlatForest's fields, in order).
_Trees = tuple[Int32Array, FloatArray, Int32Array, FloatArray, Int32Array]

#: LightGBM's kZeroThreshold (1e-35 as a float): values this close to 0 are read as 0.
ZERO_THRESHOLD = float(np.float32(1e-35))
#: decision_type bits LightGBM writes: 1 categorical, 2 default left, 4 and 8 the missing
#: type. Plain numerical splits with no missing type are 0 or 2.
_PLAIN_SPLITS = (0, 2)


@dataclass(frozen=True)
class FlatForest:
    """Every tree's internal nodes in one set of arrays: `children[2 n]` and
    `children[2 n + 1]` are node n's left and right child, a negative child ~i is leaf i.
    `roots[t]` is tree t's first node (~leaf for a tree that is one leaf)."""

    feature: Int32Array
    threshold: FloatArray
    children: Int32Array
    leaf_value: FloatArray
    roots: Int32Array

    @classmethod
    def from_model_string(cls, text: str) -> FlatForest | None:
        """The trees of a LightGBM text model; None where a split is not a plain one."""
        header, _, body = text.partition("\nTree=")
        if "num_tree_per_iteration=1\n" not in header + "\n" or not body:
            return None
        feature: list[int] = []
        threshold: list[float] = []
        children: list[int] = []
        leaf_value: list[float] = []
        roots: list[int] = []
        for tree in ("\nTree=" + body).split("\nend of trees")[0].split("\nTree=")[1:]:
            fields = dict(line.split("=", 1) for line in tree.splitlines() if "=" in line)
            if fields.get("is_linear", "0") != "0" or fields.get("num_cat", "0") != "0":
                return None
            leaves = [float(v) for v in fields["leaf_value"].split()]
            first_node, first_leaf = len(feature), len(leaf_value)
            roots.append(first_node if len(leaves) > 1 else ~first_leaf)
            if len(leaves) > 1:
                if any(int(d) not in _PLAIN_SPLITS for d in fields["decision_type"].split()):
                    return None
                feature += [int(f) for f in fields["split_feature"].split()]
                threshold += [float(t) for t in fields["threshold"].split()]
                pairs = zip(
                    fields["left_child"].split(), fields["right_child"].split(), strict=True
                )
                for pair in pairs:
                    for child in map(int, pair):
                        children.append(
                            child + first_node if child >= 0 else ~(first_leaf - child - 1)
                        )
            leaf_value += leaves
        return cls(
            np.array(feature, dtype=np.int32),
            np.array(threshold, dtype=np.float64),
            np.array(children, dtype=np.int32),
            np.array(leaf_value, dtype=np.float64),
            np.array(roots, dtype=np.int32),
        )

    def raw_scores(self, matrix: FloatArray) -> FloatArray:
        """Per row, the sum of its leaves' values (LightGBM's raw score)."""
        return self._sums(_as_lightgbm_reads(matrix))

    def _sums(self, rows: FloatArray) -> FloatArray:
        out = np.zeros(rows.shape[0], dtype=np.float64)
        _walk(rows, (self.feature, self.threshold, self.children, self.leaf_value, self.roots), out)
        return out


def mean_raw_scores(forests: Sequence[FlatForest], matrix: FloatArray) -> FloatArray:
    """Per row, the forests' mean raw score, the matrix read once for all of them."""
    rows = _as_lightgbm_reads(matrix)
    mean: FloatArray = np.add.reduce([f._sums(rows) for f in forests]) / len(forests)
    return mean


def _as_lightgbm_reads(matrix: FloatArray) -> FloatArray:
    """A row-major copy with NaN and values within ZERO_THRESHOLD of 0 set to 0."""
    rows = np.array(matrix, dtype=np.float64, order="C")
    rows[np.isnan(rows) | (np.abs(rows) <= ZERO_THRESHOLD)] = 0.0
    return rows


def _walk_rows(rows: FloatArray, trees: _Trees, out: FloatArray) -> None:
    """Adds each tree's leaf value to `out`, tree after tree, in blocks of 64 rows (whose
    features stay in cache across the trees) walked eight at a time: the eight walks' loads
    overlap, where one walk waits on each. Written out by hand: with a helper for the step,
    and a loop over the eight, the compiled walk was five times slower than LightGBM's."""
    x, feature, threshold, children, leaf_value, roots = rows, *trees
    n = x.shape[0]
    for start in range(0, n, 64):
        stop = min(n, start + 64)
        for tree in range(roots.size):
            root = roots[tree]
            i = start
            while i + 8 <= stop:
                a = b = c = d = e = f = g = h = root
                while a >= 0 or b >= 0 or c >= 0 or d >= 0 or e >= 0 or f >= 0 or g >= 0 or h >= 0:
                    if a >= 0:
                        a = children[2 * a + (x[i, feature[a]] > threshold[a])]
                    if b >= 0:
                        b = children[2 * b + (x[i + 1, feature[b]] > threshold[b])]
                    if c >= 0:
                        c = children[2 * c + (x[i + 2, feature[c]] > threshold[c])]
                    if d >= 0:
                        d = children[2 * d + (x[i + 3, feature[d]] > threshold[d])]
                    if e >= 0:
                        e = children[2 * e + (x[i + 4, feature[e]] > threshold[e])]
                    if f >= 0:
                        f = children[2 * f + (x[i + 5, feature[f]] > threshold[f])]
                    if g >= 0:
                        g = children[2 * g + (x[i + 6, feature[g]] > threshold[g])]
                    if h >= 0:
                        h = children[2 * h + (x[i + 7, feature[h]] > threshold[h])]
                out[i] += leaf_value[~a]
                out[i + 1] += leaf_value[~b]
                out[i + 2] += leaf_value[~c]
                out[i + 3] += leaf_value[~d]
                out[i + 4] += leaf_value[~e]
                out[i + 5] += leaf_value[~f]
                out[i + 6] += leaf_value[~g]
                out[i + 7] += leaf_value[~h]
                i += 8
            while i < stop:
                node = root
                while node >= 0:
                    node = children[2 * node + (x[i, feature[node]] > threshold[node])]
                out[i] += leaf_value[~node]
                i += 1


_Walk = Callable[[FloatArray, _Trees, FloatArray], None]
_walk = cast(_Walk, numba.njit(cache=True, nogil=True)(_walk_rows))
