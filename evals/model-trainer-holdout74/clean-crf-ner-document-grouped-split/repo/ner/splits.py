"""Document-level splitting: sentences from one article never straddle two splits."""
import numpy as np
from sklearn.model_selection import GroupShuffleSplit


def split_by_document(sentences, test_size, seed):
    groups = np.array([s["doc_id"] for s in sentences])
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    keep_idx, held_idx = next(splitter.split(np.zeros(len(sentences)), groups=groups))
    keep = [sentences[i] for i in keep_idx]
    held = [sentences[i] for i in held_idx]
    assert not {s["doc_id"] for s in keep} & {s["doc_id"] for s in held}
    return keep, held
