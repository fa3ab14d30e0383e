import torch
from torch.utils.data import DataLoader, Dataset


class ReviewDataset(Dataset):
    def __init__(self, texts, labels, vocab):
        self.items = [torch.tensor(vocab.encode(t), dtype=torch.long) for t in texts]
        self.labels = torch.tensor(labels, dtype=torch.long)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i], self.labels[i]


def collate(batch):
    seqs, labels = zip(*batch)
    offsets = torch.tensor([0] + [len(s) for s in seqs[:-1]]).cumsum(0)
    return torch.cat(seqs), offsets, torch.stack(labels)


def make_loader(texts, labels, vocab, batch_size, shuffle, generator=None):
    return DataLoader(ReviewDataset(texts, labels, vocab), batch_size=batch_size,
                      shuffle=shuffle, collate_fn=collate, generator=generator)
