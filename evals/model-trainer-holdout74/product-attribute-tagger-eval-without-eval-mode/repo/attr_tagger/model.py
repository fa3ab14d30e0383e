import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, n_tags, emb_dim=200, hidden=256, layers=2, dropout=0.5, word_dropout=0.1):
        super().__init__()
        self.word_dropout = word_dropout
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.emb_dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(
            emb_dim, hidden, num_layers=layers, batch_first=True, bidirectional=True, dropout=dropout
        )
        self.out_dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(2 * hidden, n_tags)

    def forward(self, words, lengths):
        if self.training and self.word_dropout > 0:
            drop = (torch.rand_like(words, dtype=torch.float) < self.word_dropout) & (words > 1)
            words = words.masked_fill(drop, 1)
        x = self.emb_dropout(self.embedding(words))
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=words.size(1))
        return self.classifier(self.out_dropout(out))
