import nltk
import numpy as np
import evaluate

nltk.download("punkt", quiet=True)
_rouge = evaluate.load("rouge")


def _postprocess(texts):
    # rougeLsum expects one sentence per line
    return ["\n".join(nltk.sent_tokenize(t.strip())) for t in texts]


def build_compute_metrics(tokenizer):
    def compute_metrics(eval_pred):
        preds, labels = eval_pred
        if isinstance(preds, tuple):
            preds = preds[0]
        preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
        labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
        decoded_preds = _postprocess(tokenizer.batch_decode(preds, skip_special_tokens=True))
        decoded_labels = _postprocess(tokenizer.batch_decode(labels, skip_special_tokens=True))
        scores = _rouge.compute(predictions=decoded_preds, references=decoded_labels, use_stemmer=True)
        scores = {k: round(v * 100, 2) for k, v in scores.items()}
        lens = [np.count_nonzero(p != tokenizer.pad_token_id) for p in preds]
        scores["gen_len"] = float(np.mean(lens))
        return scores

    return compute_metrics
