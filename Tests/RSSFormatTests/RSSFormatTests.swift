import QuireRSS
import Testing
