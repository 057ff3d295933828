\section{Discussion}
<#list 1..14 as k>
We discuss what the numbers mean for small models trained from scratch, which choices mattered most, and where the comparison is still weak because of the small number of seeds. We discuss what the numbers mean for small models trained from scratch, which choices mattered most, and where the comparison is still weak because of the small number of seeds. We discuss what the numbers mean for small models trained from scratch, which choices mattered most, and where the comparison is still weak because of the small number of seeds. 

</#list>
