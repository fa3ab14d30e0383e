"""TSN-style segment sampling: split a video into K equal segments and take one frame from each."""
import random

import numpy as np


def sample_train_indices(num_frames, num_segments):
    seg_len = num_frames / num_segments
    if seg_len >= 1:
        return [int(seg_len * k) + random.randrange(max(int(seg_len), 1)) for k in range(num_segments)]
    return sorted(np.random.randint(num_frames, size=num_segments).tolist())


def sample_test_indices(num_frames, num_segments):
    seg_len = num_frames / num_segments
    return [min(int(seg_len * k + seg_len / 2), num_frames - 1) for k in range(num_segments)]
