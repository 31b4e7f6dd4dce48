import QuireCore
import QuireTestSupport
import QuireTimedText
import Testing
