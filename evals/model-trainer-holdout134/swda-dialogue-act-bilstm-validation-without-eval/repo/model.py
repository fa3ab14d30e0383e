import torch
import torch.nn as nn


class UtteranceActTagger(nn.Module):
    """BiLSTM over tokens, max-pooled, plus a speaker-change flag, -> dialogue act logits."""

    def __init__(self, vocab_size, n_acts, emb_dim=200, hidden=256, dropout=0.4, pad_idx=0):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=pad_idx)
        self.emb_drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(emb_dim, hidden, batch_first=True, bidirectional=True)
        self.out_drop = nn.Dropout(dropout)
        self.fc = nn.Linear(2 * hidden + 1, n_acts)

    def forward(self, tokens, lengths, speaker_change):
        x = self.emb_drop(self.emb(tokens))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, padding_value=-1e4)
        pooled = out.max(dim=1).values
        feats = torch.cat([pooled, speaker_change.unsqueeze(1).float()], dim=1)
        return self.fc(self.out_drop(feats))
