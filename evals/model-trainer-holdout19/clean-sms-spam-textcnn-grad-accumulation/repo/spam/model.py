import torch
import torch.nn as nn


class TextCNN(nn.Module):
    def __init__(self, vocab_size, emb=96, channels=64, kernels=(2, 3, 4), dropout=0.4):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(emb, channels, k, padding=k // 2) for k in kernels)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(channels * len(kernels), 1)

    def forward(self, x):
        h = self.emb(x).transpose(1, 2)
        pooled = [torch.relu(conv(h)).amax(dim=2) for conv in self.convs]
        return self.out(self.drop(torch.cat(pooled, dim=1))).squeeze(1)
