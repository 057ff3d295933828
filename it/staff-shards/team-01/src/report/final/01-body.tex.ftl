\section{Introduction}
Deep networks \citep{lecun2015deep}.
\section{Method}
<#list 1..8 as k>
Paragraph ${k}. We study method 1 on a small image benchmark and report its accuracy on the held-out split. We study method 1 on a small image benchmark and report its accuracy on the held-out split. We study method 1 on a small image benchmark and report its accuracy on the held-out split. 

</#list>
\section{Conclusion}
It works.
