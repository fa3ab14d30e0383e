import random
from collections import defaultdict

from torch.utils.data import Sampler


class PKSampler(Sampler):
    """Batches of P products x K images each, needed for in-batch triplet mining."""

    def __init__(self, labels, p=32, k=4):
        self.p, self.k = p, k
        self.by_label = defaultdict(list)
        for idx, lab in enumerate(labels):
            self.by_label[lab].append(idx)
        # a product needs at least 2 images to form a positive pair
        self.labels = [lab for lab, idxs in self.by_label.items() if len(idxs) >= 2]
        self.n_batches = len(labels) // (p * k)

    def __iter__(self):
        for _ in range(self.n_batches):
            batch = []
            for lab in random.sample(self.labels, self.p):
                idxs = self.by_label[lab]
                if len(idxs) >= self.k:
                    batch.extend(random.sample(idxs, self.k))
                else:
                    batch.extend(random.choices(idxs, k=self.k))
            yield batch

    def __len__(self):
        return self.n_batches
