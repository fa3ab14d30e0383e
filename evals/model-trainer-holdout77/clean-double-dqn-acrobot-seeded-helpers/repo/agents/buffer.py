import random
from collections import deque

import numpy as np
import torch


class Replay:
    def __init__(self, capacity):
        self.storage = deque(maxlen=capacity)

    def push(self, *transition):
        self.storage.append(transition)

    def sample(self, batch_size, device):
        batch = random.sample(self.storage, batch_size)
        obs, act, rew, nxt, done = map(np.array, zip(*batch))
        to_t = lambda a, dt: torch.as_tensor(a, dtype=dt, device=device)
        return (to_t(obs, torch.float32), to_t(act, torch.int64), to_t(rew, torch.float32),
                to_t(nxt, torch.float32), to_t(done, torch.float32))

    def __len__(self):
        return len(self.storage)
